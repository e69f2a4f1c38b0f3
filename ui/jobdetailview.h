#pragma once

#include "model/jobrecords.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace xms::ui {

class EventFilterModel;
class EventsModel;

// One job in depth: a progress bar per stage, transfer figures, the created instance, the cold-migration
// notice, Cancel/Retry and the live event list. It shows what it is given; the main window feeds it.
class JobDetailView : public QWidget
{
    Q_OBJECT
public:
    explicit JobDetailView(QWidget* parent = nullptr);

    void setJob(const JobRecord* job); // nullptr: nothing selected
    QString jobId() const { return m_jobId; }
    EventsModel* events() const { return m_events; }
    EventFilterModel* filteredEvents() const { return m_filter; }
    QProgressBar* stageBar(xms::Stage stage) const { return m_bars.value(stage); }
    // Cloud name → Dashboard base URL (Settings ▸ Clouds), for the link to the created instance.
    void setDashboardUrls(const QHash<QString, QString>& urls) { m_dashboards = urls; }
    static QString instanceUrl(const QString& dashboardBase, const QString& serverId);
    void copyEvents() const; // selected rows, or every shown row when none is selected

signals:
    void cancelRequested(const QString& jobId);
    void retryRequested(const QString& jobId);
    void discardRequested(const QString& jobId); // free the converted disks a failed job keeps

private:
    QWidget* createEventsPane();
    void applyFilter();

    QString m_jobId;
    QHash<QString, QString> m_dashboards;
    QLabel* m_title;
    QLabel* m_status;
    QHash<xms::Stage, QProgressBar*> m_bars;
    QHash<xms::Stage, QLabel*> m_stageBytes;
    QLabel* m_transfer;
    QLabel* m_instance;
    QLabel* m_notice;
    QLabel* m_error;
    QPushButton* m_cancel;
    QPushButton* m_retry;
    QPushButton* m_discard;
    EventsModel* m_events;
    EventFilterModel* m_filter;
    QComboBox* m_level;
    QComboBox* m_stage;
    QLineEdit* m_search;
    QTableView* m_eventTable;
};

} // namespace xms::ui
