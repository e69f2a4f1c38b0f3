#pragma once

#include "store/store.h"

#include <QMainWindow>
#include <functional>
#include <optional>

namespace xms {
class JobWatcher;
}

namespace xms::ui {

class JobsModel;
class MigrationsView;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // Opens the shared store (XMS_HOME) and starts watching it.
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    JobsModel* jobsModel() const { return m_jobs; }
    MigrationsView* migrationsView() const { return m_view; }
    JobWatcher* watcher() const { return m_watcher; }
    const std::optional<Store>& store() const { return m_store; }

    void openNewMigration();
    void openSettings();

    // What closing with running jobs does; tests answer without the dialog.
    enum class CloseChoice { KeepHeadless, CancelJobs, Stay };
    void setCloseChoiceForTesting(std::optional<CloseChoice> choice) { m_closeChoiceForTesting = choice; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void connectWatcher();
    void reloadDashboards();
    void showJob(const QString& jobId);
    // A Yes/No question (No by default) shown without a nested event loop; onYes runs on Yes.
    void confirm(const QString& title, const QString& question, std::function<void()> onYes);
    void cancelJob(const QString& jobId);
    void retryJob(const QString& jobId);
    void discardStaging(const QString& jobId);
    void askAboutRunningJobs(int running); // answers by closing again with m_closeDecision set

    std::optional<Store> m_store;
    JobsModel* m_jobs;
    MigrationsView* m_view;
    JobWatcher* m_watcher = nullptr;
    std::optional<CloseChoice> m_closeChoiceForTesting;
    std::optional<CloseChoice> m_closeDecision;
    QString m_pendingSelect; // a job just submitted: selected as soon as the watcher brings it
};

} // namespace xms::ui
