#include "jobsmodel.h"

#include "services/jobwatcher.h"

#include <QLocale>

namespace xms::ui {

JobsModel::JobsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int JobsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}
int JobsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JobSnapshot& j = m_jobs.at(index.row());
    if (role == JobIdRole)
        return j.id;
    if (role == SortRole) {
        switch (index.column()) {
        case Stage:
            return int(j.stage);
        case Progress:
            return overallPercent(j);
        case Transferred:
            return j.bytesTransferred;
        case Rate:
            return j.bytesPerSecond;
        case Eta:
            return j.etaSeconds;
        default:
            break;
        }
        role = Qt::DisplayRole;
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Vm:
        return j.sourceName.isEmpty() ? j.vmName : QString(j.vmName + u" (" + j.sourceName + u')');
    case Target:
        return QString(j.targetProject + u" / " + (j.instanceName.isEmpty() ? j.vmName : j.instanceName));
    case Stage:
        return stageName(j.stage);
    case Progress:
        return overallPercent(j);
    case Transferred:
        if (j.bytesTotal <= 0 && j.bytesTransferred <= 0)
            return QString();
        return j.bytesTotal > 0 ? tr("%1 of %2").arg(formatBytes(j.bytesTransferred), formatBytes(j.bytesTotal))
                                : formatBytes(j.bytesTransferred);
    case Rate:
        return j.bytesPerSecond > 0 ? QString(formatBytes(qint64(j.bytesPerSecond)) + tr("/s")) : QString();
    case Eta:
        return j.etaSeconds >= 0 && !isTerminal(j.stage) ? formatDuration(j.etaSeconds) : QString();
    case Status:
        return j.statusText;
    case Host:
        return j.workerHost;
    default:
        return {};
    }
}

QVariant JobsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Vm:
        return tr("VM");
    case Target:
        return tr("Target");
    case Stage:
        return tr("Stage");
    case Progress:
        return tr("Progress");
    case Transferred:
        return tr("Transferred");
    case Rate:
        return tr("Rate");
    case Eta:
        return tr("ETA");
    case Status:
        return tr("Status");
    case Host:
        return tr("Host");
    default:
        return {};
    }
}

void JobsModel::upsert(const JobSnapshot& job)
{
    const int row = rowOf(job.id);
    if (row >= 0) {
        m_jobs[row] = job;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    beginInsertRows({}, int(m_jobs.size()), int(m_jobs.size()));
    m_jobs.append(job);
    endInsertRows();
}

void JobsModel::upsert(const JobRecord& record)
{
    m_records.insert(record.id, record);
    upsert(snapshotOf(record));
}

const JobRecord* JobsModel::record(const QString& jobId) const
{
    const auto it = m_records.constFind(jobId);
    return it == m_records.cend() ? nullptr : &*it;
}

QStringList JobsModel::activeJobIds() const
{
    QStringList ids;
    for (const JobSnapshot& j : m_jobs) {
        if (!isTerminal(j.stage))
            ids.append(j.id);
    }
    return ids;
}

void JobsModel::remove(const QString& jobId)
{
    m_records.remove(jobId);
    const int row = rowOf(jobId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_jobs.removeAt(row);
    endRemoveRows();
}

const JobSnapshot* JobsModel::job(int row) const
{
    return row >= 0 && row < m_jobs.size() ? &m_jobs.at(row) : nullptr;
}

int JobsModel::rowOf(const QString& jobId) const
{
    for (qsizetype i = 0; i < m_jobs.size(); ++i) {
        if (m_jobs.at(i).id == jobId)
            return int(i);
    }
    return -1;
}

int overallPercent(const JobSnapshot& job)
{
    if (job.stage == xms::Stage::Completed)
        return 100;
    const auto& stages = workStages();
    int sum = 0;
    for (xms::Stage s : stages)
        sum += job.stagePercent.value(s, 0);
    return sum / int(stages.size());
}

} // namespace xms::ui
