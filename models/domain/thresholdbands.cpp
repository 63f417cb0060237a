#include "thresholdbands.h"

#include "branchsnapshot.h"
#include "moneyformat.h"

#include <QCoreApplication>

std::optional<ThresholdBands::Position> ThresholdBands::position(const BranchSnapshot &snapshot,
                                                                 const CadencePolicy &policy, int customer)
{
    const qint64 basis = snapshot.tierPolicy().basisAmount(snapshot.customer(customer));
    for (size_t b = 0; b < policy.thresholdBands.size(); ++b) {
        const CadencePolicy::Band &band = policy.thresholdBands[b];
        if (basis >= band.fromFen && basis < band.toFen) {
            Position p;
            p.band = int(b);
            p.basisFen = basis;
            p.lineFen = band.toFen;
            p.gapFen = band.toFen - basis;
            p.targetTier = snapshot.tierPolicy().tierOfAmount(band.toFen);
            return p;
        }
    }
    return std::nullopt;
}

QString ThresholdBands::reason(const BranchSnapshot &snapshot, const Position &p)
{
    return QCoreApplication::translate("ThresholdBands", "threshold %1 → %2 (%3), %4 to go")
        .arg(MoneyFormat::readable(p.basisFen), MoneyFormat::readable(p.lineFen),
             snapshot.tierPolicy().displayName(p.targetTier), MoneyFormat::readable(p.gapFen));
}
