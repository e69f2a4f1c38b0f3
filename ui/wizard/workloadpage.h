#pragma once

#include "store/store.h"

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace xms::ui {

class InventoryModel;
class NewMigrationWizard;

// Step 2: pick VMs from the source's inventory and run preflight on them. Only VMs whose verdict is Pass
// or Warn can go on; each verdict row expands into its checks and their fixes.
class WorkloadPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit WorkloadPage(NewMigrationWizard* wizard);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    InventoryModel* inventory() const { return m_model; }
    QTreeView* view() const { return m_view; }
    QStringList selectedVms() const;
    void selectVms(const QStringList& names);
    void refresh(); // asks vCenter again (the cache otherwise answers for 10 minutes)
    void preflightSelected();
    int pendingPreflights() const { return m_pending; }

private:
    void discover();
    void updateState();

    NewMigrationWizard* m_wizard;
    Store m_store; // runPreflight keeps a reference to it while it runs
    InventoryModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTreeView* m_view;
    QLineEdit* m_search;
    QPushButton* m_preflight;
    QPushButton* m_refresh;
    QLabel* m_status;
    QString m_loadedSource;
    int m_pending = 0;
    bool m_loading = false;
};

} // namespace xms::ui
