#pragma once

#include "common/units.h"
#include "model/jobrecords.h"
#include "model/jobsnapshot.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace xms::ui {

// One row per migration job. The engine pushes snapshots in; views only read.
class JobsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Vm, Target, Stage, Progress, Transferred, Rate, Eta, Status, Host, ColumnCount };
    enum Role { JobIdRole = Qt::UserRole + 1, SortRole };

    explicit JobsModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Inserts the job or updates its row in place (one dataChanged for the whole row).
    void upsert(const JobSnapshot& job);
    // The stored job behind a row (from the watcher), kept for the detail pane.
    void upsert(const JobRecord& record);
    void remove(const QString& jobId);
    const JobRecord* record(const QString& jobId) const;
    // Jobs a worker is still running or will run (what closing the window must ask about).
    QStringList activeJobIds() const;
    const JobSnapshot* job(int row) const;
    int rowOf(const QString& jobId) const;

private:
    QList<JobSnapshot> m_jobs;
    QHash<QString, JobRecord> m_records;
};

// Overall progress of a job, 0–100, from its per-stage percentages.
int overallPercent(const JobSnapshot& job);

} // namespace xms::ui
