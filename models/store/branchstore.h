#pragma once

#include "../domain/demogenerator.h"
#include "loadedbranch.h"

#include <QString>
#include <functional>

// The jobs the GUI and the CLI run against a store file: create the demo
// branch, load a branch for display. Each opens its own connection, so it can
// run on any thread. Errors arrive as StoreError.
class BranchStore
{
public:
    // Stage text (untranslated source string, see tr in the caller), done, total. false = cancel.
    using Progress = std::function<bool(const char *stage, int done, int total)>;

    // Generates the demo branch and writes it to `path` (created if missing,
    // replaced if it already holds a branch). Returns false when cancelled.
    static bool createDemo(const QString &path, const QString &passphrase,
                           const DemoGenerator::Options &options, const Progress &progress = {});
    // The same with an unwrapped key (the store and its key file must exist).
    static bool createDemo(const StoreAccess &store, const DemoGenerator::Options &options,
                           const Progress &progress = {});
    // A new branch without customers, for the first run's "import a file": the branch row
    // and its manager, who sets it up. Only for a store just created (it replaces any branch).
    static void createEmpty(const StoreAccess &store, const QString &branchCode, const QString &branchName,
                            const Staff &manager);
    // Opens, migrates and reads the store, then builds the snapshot and search
    // index. Returns false when cancelled.
    // The snapshot is scoped to who is signed in (StaffScope): the staff member
    // this store signed in to HQ as, else `signedInAs` (a demo store), else the
    // whole branch.
    static bool load(const QString &path, const QString &passphrase, LoadedBranch *out,
                     const Progress &progress = {}, QDate asOf = QDate::currentDate(),
                     const QString &signedInAs = {});
    // The app's way: the key is already unwrapped; `out->store` carries it for write-backs.
    // Customers and holdings are read on two connections at once. With SearchIndex::Later
    // `out->search` stays null: the caller shows the list first and builds the index after
    // (issue 19's cold start; MainWindow does).
    enum class SearchIndex { Build, Later };
    static bool load(const StoreAccess &store, LoadedBranch *out, const Progress &progress = {},
                     QDate asOf = QDate::currentDate(), const QString &signedInAs = {},
                     SearchIndex searchIndex = SearchIndex::Build);
    // Who a store that never signed in to HQ (the demo) is used as: remembered
    // in QSettings (session/signedInAs); empty means the branch's manager.
    static QString demoSignedInAs();
    static void setDemoSignedInAs(const QString &staffId);
    // The staff ID this store signed in to HQ as; empty when it never did.
    static QString hqStaffId(const QString &path, const QString &passphrase);
    static QString hqStaffId(const StoreAccess &store);
};
