#pragma once

#include "session/branchsession.h"

#include <QMenu>

// File > Signed in as: on a demo store, which staff member the desktop is used as (a store
// signed in to HQ is used as that staff member and cannot switch). Choosing one saves the
// choice; the window then reads the branch again as them.
class SignInMenu : public QMenu
{
    Q_OBJECT
public:
    explicit SignInMenu(QWidget *parent = nullptr);

    // Rebuilt for `branch`, in the current language.
    void fill(const LoadedBranch &branch);

signals:
    void switched();
};
