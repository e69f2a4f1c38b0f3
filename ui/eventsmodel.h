#pragma once

#include "model/jobrecords.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSortFilterProxyModel>
#include <optional>

namespace xms::ui {

// The live event list of one job. Keeps the newest `capacity` events so a chatty job (100,000 progress
// events) cannot grow the view without bound; older ones stay in the store (`xms migration events`).
class EventsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Stage, Level, Name, Message, ColumnCount };
    enum Role { LevelRole = Qt::UserRole + 1, StageRole };

    explicit EventsModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setJob(const QString& jobId); // clears
    QString jobId() const { return m_jobId; }
    void append(const QList<EventRecord>& events); // one insert per batch
    void setCapacity(int capacity) { m_capacity = capacity; }
    int dropped() const { return m_dropped; }
    const EventRecord& event(int row) const { return m_events.at(row); }

private:
    QString m_jobId;
    QList<EventRecord> m_events;
    int m_capacity = 20000;
    int m_dropped = 0;
};

// Level ("at least Warning") and stage filters, plus free text over name and message.
class EventFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit EventFilterModel(QObject* parent = nullptr);
    void setMinimumLevel(EventLevel level);
    void setStage(std::optional<xms::Stage> stage);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    EventLevel m_minLevel = EventLevel::Debug;
    std::optional<xms::Stage> m_stage;
};

QString eventLevelName(EventLevel level); // translated
// Rows as tab-separated text (time, stage, level, event, message) for the clipboard.
QString eventsAsText(const QAbstractItemModel* model, const QModelIndexList& rows);

} // namespace xms::ui
