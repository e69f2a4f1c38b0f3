#pragma once

#include "model/jobrecords.h"
#include "store/store.h"

#include <QHash>
#include <QWidget>
#include <optional>

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
// notice, Cancel/Retry, Save Report… and the live event list. It shows what it is given; the main window
// feeds it (and the store the report is read from).
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
    void setStore(const Store& store) { m_store = store; }
    // Writes the shown job's report to path off the GUI thread, as `xms migration report --file` does (the
    // format by the file's suffix: .json, .txt, else HTML); reportSaved tells how it went. Save Report…
    // asks for the path, then calls this.
    void saveReport(const QString& path);

signals:
    void cancelRequested(const QString& jobId);
    void retryRequested(const QString& jobId);
    void discardRequested(const QString& jobId); // free the converted disks a failed job keeps
    void reportSaved(const QString& path, const QString& error); // error empty: written

private:
    QWidget* createEventsPane();
    void applyFilter();
    void askReportPath();

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
    QPushButton* m_saveReport;
    QLabel* m_reportResult;
    std::optional<Store> m_store;
    QString m_vm; // of the shown job, for the report's file name
    EventsModel* m_events;
    EventFilterModel* m_filter;
    QComboBox* m_level;
    QComboBox* m_stage;
    QLineEdit* m_search;
    QTableView* m_eventTable;
};

} // namespace xms::ui
