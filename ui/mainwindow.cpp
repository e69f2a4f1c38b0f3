#include "mainwindow.h"

#include "appicon.h"
#include "eventsmodel.h"
#include "jobdetailview.h"
#include "jobsmodel.h"
#include "migrationsview.h"
#include "services/jobcontrol.h"
#include "services/jobwatcher.h"
#include "services/storeaccess.h"
#include "settings/settingsdialog.h"
#include "wizard/newmigrationwizard.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QToolBar>

namespace xms::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_jobs(new JobsModel(this))
    , m_view(new MigrationsView(m_jobs, this))
{
    setWindowTitle(tr("XMS Desktop — Migrations"));
    setWindowIcon(appIcon());
    setCentralWidget(m_view);
    createActions();
    resize(1100, 760);

    auto store = storeaccess::open();
    if (!store) {
        statusBar()->showMessage(tr("Cannot open the job store: %1").arg(store.error().message));
        return;
    }
    m_store = *store;
    m_view->detail()->setStore(*m_store); // for Save Report…
    m_watcher = new JobWatcher(JobStore(*m_store), this);
    m_watcher->setRecoverStalled(true);
    connectWatcher();
    reloadDashboards();
    m_watcher->start();
    statusBar()->showMessage(tr("Watching %1").arg(m_store->path()));
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    auto* fileMenu = menuBar()->addMenu(tr("&Migration"));
    auto* newMigration = fileMenu->addAction(tr("&New Migration…"), this, &MainWindow::openNewMigration);
    newMigration->setObjectName(QStringLiteral("actionNewMigration"));
    newMigration->setShortcut(QKeySequence::New);
    newMigration->setToolTip(tr("Move VMs from a vCenter into an Xloud project"));
    auto* settings = fileMenu->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    settings->setObjectName(QStringLiteral("actionSettings"));
    // Ctrl+, everywhere: not every Linux desktop maps QKeySequence::Preferences to a key.
    settings->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Comma), QKeySequence(QKeySequence::Preferences)});
    settings->setToolTip(tr("Source environments, Xloud clouds, network profiles and worker settings"));
    fileMenu->addSeparator();
    auto* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    auto* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About XMS Desktop"), this, [this] {
        auto* box = new QMessageBox(QMessageBox::Information, tr("About XMS Desktop"),
                                    tr("<b>XMS Desktop %1</b><p>Cold migration of VMware vSphere VMs into Xloud.</p>")
                                        .arg(QApplication::applicationVersion()),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });

    auto* toolbar = addToolBar(tr("Migrations"));
    toolbar->setObjectName(QStringLiteral("migrationsToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(newMigration);
    toolbar->addAction(settings);
    connect(m_view, &MigrationsView::newMigrationRequested, this, &MainWindow::openNewMigration);
}

void MainWindow::connectWatcher()
{
    connect(m_watcher, &JobWatcher::jobsChanged, this, [this](const QList<JobRecord>& jobs) {
        const QString shown = m_view->detail()->jobId();
        for (const JobRecord& j : jobs)
            m_jobs->upsert(j);
        if (!shown.isEmpty() && m_jobs->record(shown))
            m_view->detail()->setJob(m_jobs->record(shown));
        if (!m_pendingSelect.isEmpty() && m_jobs->record(m_pendingSelect)) {
            m_view->selectJob(m_pendingSelect);
            m_pendingSelect.clear();
        } else if (shown.isEmpty() && m_view->currentJobId().isEmpty()) {
            m_view->selectJob(jobs.last().id);
        }
    });
    connect(m_watcher, &JobWatcher::jobsRemoved, this, [this](const QStringList& ids) {
        for (const QString& id : ids)
            m_jobs->remove(id);
    });
    connect(m_watcher, &JobWatcher::eventsAppended, this, [this](const QString& jobId, const QList<EventRecord>& e) {
        if (jobId == m_view->detail()->jobId())
            m_view->detail()->events()->append(e);
    });
    connect(m_watcher, &JobWatcher::storeFailed, this,
            [this](const QString& message) { statusBar()->showMessage(tr("Store: %1").arg(message), 5000); });
    connect(m_watcher, &JobWatcher::workerStarted, this, [this](int ownerLost, int queued) {
        statusBar()->showMessage(
            ownerLost > 0 ? tr("The worker of %n job(s) stopped; started a worker to recover them.", nullptr, ownerLost)
                          : tr("Started a worker for %n queued job(s).", nullptr, queued),
            15000);
    });
    connect(m_view, &MigrationsView::currentJobChanged, this, &MainWindow::showJob);
    connect(m_view->detail(), &JobDetailView::cancelRequested, this, &MainWindow::cancelJob);
    connect(m_view->detail(), &JobDetailView::retryRequested, this, &MainWindow::retryJob);
    connect(m_view->detail(), &JobDetailView::discardRequested, this, &MainWindow::discardStaging);
}

void MainWindow::reloadDashboards()
{
    QHash<QString, QString> urls;
    if (m_store) {
        for (const CloudRecord& c : m_store->clouds().value_or(QList<CloudRecord>()))
            urls.insert(c.name, c.dashboardUrl);
    }
    m_view->detail()->setDashboardUrls(urls);
}

void MainWindow::showJob(const QString& jobId)
{
    m_view->detail()->setJob(m_jobs->record(jobId));
    if (m_watcher)
        m_watcher->follow(jobId);
}

void MainWindow::confirm(const QString& title, const QString& question, std::function<void()> onYes)
{
    // Asked without a nested event loop: the answer arrives as a signal.
    auto* box = new QMessageBox(QMessageBox::Question, title, question, QMessageBox::Yes | QMessageBox::No, this);
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [onYes = std::move(onYes)](int answer) {
        if (answer == QMessageBox::Yes)
            onYes();
    });
    box->open();
}

void MainWindow::cancelJob(const QString& jobId)
{
    if (!m_store)
        return;
    confirm(tr("Cancel Migration"),
            tr("Cancel this migration? Its worker stops it and deletes the Xloud resources it created. The source "
               "VM stays powered off."),
            [this, jobId] {
                JobStore jobs(*m_store);
                auto r = jobcontrol::cancel(jobs, jobId);
                if (!r)
                    return statusBar()->showMessage(r.error().message, 10000);
                statusBar()->showMessage(*r == jobcontrol::CancelOutcome::CancelledWhileQueued
                                             ? tr("Cancelled job %1 (it had not started).").arg(jobId.left(8))
                                             : tr("Cancel requested for job %1.").arg(jobId.left(8)),
                                         8000);
            });
}

void MainWindow::retryJob(const QString& jobId)
{
    if (!m_store)
        return;
    JobStore jobs(*m_store);
    if (auto r = jobcontrol::retry(jobs, jobId); !r)
        return statusBar()->showMessage(r.error().message, 10000);
    m_view->detail()->events()->setJob(jobId); // the new attempt's events follow the old ones
    if (m_watcher) {
        m_watcher->follow({});
        m_watcher->follow(jobId);
    }
    statusBar()->showMessage(tr("Job %1 is queued again.").arg(jobId.left(8)), 8000);
}

void MainWindow::discardStaging(const QString& jobId)
{
    if (!m_store)
        return;
    confirm(tr("Discard Converted Disks"),
            tr("Delete the disks this job exported and converted? A retry then exports and converts the VM again, "
               "which takes much longer."),
            [this, jobId] {
                JobStore jobs(*m_store);
                const auto freed = jobcontrol::discard(jobs, jobId);
                if (!freed)
                    return statusBar()->showMessage(freed.error().message, 10000);
                statusBar()->showMessage(
                    tr("Discarded the converted disks of job %1 (%2 freed).").arg(jobId.left(8), formatBytes(*freed)),
                    8000);
            });
}

void MainWindow::openNewMigration()
{
    if (!m_store)
        return statusBar()->showMessage(tr("The job store is not available."), 10000);
    auto* wizard = new NewMigrationWizard(*m_store, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &NewMigrationWizard::submitted, this, [this](const QStringList& ids) {
        statusBar()->showMessage(tr("Submitted %n migration(s).", nullptr, int(ids.size())), 8000);
        if (!ids.isEmpty())
            m_pendingSelect = ids.first();
    });
    wizard->open();
}

void MainWindow::openSettings()
{
    if (!m_store)
        return;
    auto* dialog = new SettingsDialog(*m_store, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, &MainWindow::reloadDashboards);
    dialog->open();
}

void MainWindow::askAboutRunningJobs(int running)
{
    auto* box = new QMessageBox(QMessageBox::Question, tr("Migrations Are Running"),
                                tr("%n migration(s) are still queued or running.", nullptr, running),
                                QMessageBox::NoButton, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("They run in a separate worker process and can keep going without this window; "
                               "reopen XMS Desktop or use 'xms migration list' to follow them."));
    auto* keep = box->addButton(tr("&Keep Running Headless"), QMessageBox::AcceptRole);
    auto* cancel = box->addButton(tr("&Cancel Them and Quit"), QMessageBox::DestructiveRole);
    box->addButton(tr("&Don't Quit"), QMessageBox::RejectRole);
    box->setDefaultButton(keep);
    connect(box, &QMessageBox::finished, this, [this, box, keep, cancel] {
        const QAbstractButton* clicked = box->clickedButton();
        if (clicked == keep)
            m_closeDecision = CloseChoice::KeepHeadless;
        else if (clicked == cancel)
            m_closeDecision = CloseChoice::CancelJobs;
        else
            return;
        close(); // again, now with the answer
    });
    box->open();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    const QStringList active = m_jobs->activeJobIds();
    if (active.isEmpty() || !m_store)
        return QMainWindow::closeEvent(event);
    std::optional<CloseChoice> choice = m_closeChoiceForTesting ? m_closeChoiceForTesting : m_closeDecision;
    m_closeDecision.reset();
    if (!choice) {
        event->ignore();
        askAboutRunningJobs(int(active.size()));
        return;
    }
    switch (*choice) {
    case CloseChoice::Stay:
        event->ignore();
        return;
    case CloseChoice::CancelJobs: {
        JobStore jobs(*m_store);
        for (const QString& id : active)
            jobcontrol::cancel(jobs, id); // an already ended job is fine
        break;
    }
    case CloseChoice::KeepHeadless:
        break;
    }
    QMainWindow::closeEvent(event);
}

} // namespace xms::ui
