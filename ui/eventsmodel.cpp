#include "eventsmodel.h"

#include <QColor>
#include <QCoreApplication>

namespace xms::ui {

QString eventLevelName(EventLevel level)
{
    switch (level) {
    case EventLevel::Debug: return EventsModel::tr("Debug");
    case EventLevel::Info: return EventsModel::tr("Info");
    case EventLevel::Warning: return EventsModel::tr("Warning");
    case EventLevel::Error: return EventsModel::tr("Error");
    }
    return {};
}

EventsModel::EventsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int EventsModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_events.size()); }
int EventsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant EventsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EventRecord& e = m_events.at(index.row());
    if (role == LevelRole)
        return int(e.level);
    if (role == StageRole)
        return int(e.stage);
    if (role == Qt::ForegroundRole && index.column() == Level) {
        if (e.level == EventLevel::Error)
            return QColor(Qt::red);
        if (e.level == EventLevel::Warning)
            return QColor(0xb0, 0x6a, 0x00);
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Time: return e.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    case Stage: return stageName(e.stage);
    case Level: return eventLevelName(e.level);
    case Name: return e.name;
    case Message: return e.message;
    default: return {};
    }
}

QVariant EventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time: return tr("Time");
    case Stage: return tr("Stage");
    case Level: return tr("Level");
    case Name: return tr("Event");
    case Message: return tr("Message");
    default: return {};
    }
}

void EventsModel::setJob(const QString& jobId)
{
    beginResetModel();
    m_jobId = jobId;
    m_events.clear();
    m_dropped = 0;
    endResetModel();
}

void EventsModel::append(const QList<EventRecord>& events)
{
    if (events.isEmpty())
        return;
    // Only the newest `capacity` of the incoming batch can survive; skip the rest before touching rows.
    const qsizetype skip = qMax<qsizetype>(0, events.size() - m_capacity);
    const qsizetype incoming = events.size() - skip;
    const qsizetype overflow = m_events.size() + incoming - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow - 1));
        m_events.remove(0, overflow);
        endRemoveRows();
    }
    m_dropped += int(skip + qMax<qsizetype>(0, overflow));
    beginInsertRows({}, int(m_events.size()), int(m_events.size() + incoming - 1));
    m_events.append(events.mid(skip));
    endInsertRows();
}

EventFilterModel::EventFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void EventFilterModel::setMinimumLevel(EventLevel level)
{
    m_minLevel = level;
    invalidateFilter();
}

void EventFilterModel::setStage(std::optional<xms::Stage> stage)
{
    m_stage = stage;
    invalidateFilter();
}

bool EventFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const auto* events = qobject_cast<const EventsModel*>(sourceModel());
    if (!events || sourceParent.isValid())
        return false;
    const EventRecord& e = events->event(sourceRow);
    if (int(e.level) < int(m_minLevel))
        return false;
    if (m_stage && e.stage != *m_stage)
        return false;
    const QString text = filterRegularExpression().pattern();
    if (text.isEmpty())
        return true;
    return e.name.contains(filterRegularExpression()) || e.message.contains(filterRegularExpression());
}

QString eventsAsText(const QAbstractItemModel* model, const QModelIndexList& rows)
{
    QStringList lines;
    for (const QModelIndex& row : rows) {
        QStringList cells;
        for (int c = 0; c < EventsModel::ColumnCount; ++c)
            cells.append(model->index(row.row(), c).data().toString());
        lines.append(cells.join(u'\t'));
    }
    return lines.join(u'\n') + (lines.isEmpty() ? QString() : QStringLiteral("\n"));
}

} // namespace xms::ui
