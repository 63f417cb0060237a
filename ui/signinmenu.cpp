#include "signinmenu.h"

#include "session/branchsession.h"

#include <QActionGroup>

SignInMenu::SignInMenu(QWidget *parent)
    : QMenu(parent)
{
}

void SignInMenu::fill(const LoadedBranch &branch)
{
    setTitle(tr("&Signed in as"));
    qDeleteAll(findChildren<QActionGroup *>());
    clear();
    const BranchSnapshot *s = branch.snapshot.get();
    // A store signed in to HQ is used as that staff member; only a demo store may switch.
    const bool demo = s && branch.store.isValid() && !s->staff().empty() && !branch.signedInToHq;
    setEnabled(demo);
    if (!s)
        return;
    auto *group = new QActionGroup(this);
    for (const Staff &st : s->staff()) {
        const QString label = st.role == Staff::Role::Manager ? tr("%1 (branch manager)").arg(st.name)
                                                              : tr("%1 (RM %2)").arg(st.name, st.staffId);
        QAction *a = addAction(label);
        a->setCheckable(true);
        a->setChecked(st.staffId == s->scope().staffId());
        group->addAction(a);
        const QString id = st.staffId;
        connect(a, &QAction::triggered, this, [this, id] {
            BranchSession::setSignedInAs(id);
            emit switched();
        });
    }
}
