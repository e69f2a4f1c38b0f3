#pragma once

#include "migrationdraft.h"
#include "store/store.h"

#include <QWizard>

namespace xms::ui {

// New Migration, in the Xloud Dashboard's steps: Kind & Source, Workload, Target, Networks, Review.
// The pages share one MigrationDraft; Submit queues one job per VM and the wizard closes.
class NewMigrationWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { KindSourcePageId, WorkloadPageId, TargetPageId, NetworksPageId, ReviewPageId };

    NewMigrationWizard(Store store, QWidget* parent = nullptr);

    MigrationDraft& draft() { return m_draft; }
    const Store& store() const { return m_store; }
    QStringList submittedJobs() const { return m_submitted; }

    // Called by the Review page: creates the jobs (all or none, like `xms migration submit`).
    Status submit();

signals:
    void submitted(const QStringList& jobIds);

private:
    Store m_store;
    MigrationDraft m_draft;
    QStringList m_submitted;
};

} // namespace xms::ui
