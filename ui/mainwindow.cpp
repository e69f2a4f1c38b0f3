#include "mainwindow.h"

#include "jobsmodel.h"
#include "migrationsview.h"

#include <QAction>
#include <QApplication>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>

namespace xms::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_jobs(new JobsModel(this))
    , m_view(new MigrationsView(m_jobs, this))
{
    setWindowTitle(tr("XMS Desktop — Migrations"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/xms.svg")));
    setCentralWidget(m_view);
    createActions();
    statusBar()->showMessage(tr("Ready"));
    resize(1100, 680);
}

void MainWindow::createActions()
{
    auto* fileMenu = menuBar()->addMenu(tr("&Migration"));
    auto* newMigration = fileMenu->addAction(tr("&New Migration…"));
    newMigration->setObjectName(QStringLiteral("actionNewMigration"));
    newMigration->setShortcut(QKeySequence::New);
    newMigration->setToolTip(tr("Move VMs from a vCenter into an Xloud project"));
    fileMenu->addSeparator();
    auto* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    auto* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About XMS Desktop"), this, [this] {
        QMessageBox::about(this, tr("About XMS Desktop"),
                           tr("<b>XMS Desktop %1</b><p>Cold migration of VMware vSphere VMs into Xloud.</p>")
                               .arg(QApplication::applicationVersion()));
    });

    auto* toolbar = addToolBar(tr("Migrations"));
    toolbar->setObjectName(QStringLiteral("migrationsToolbar"));
    toolbar->addAction(newMigration);
}

} // namespace xms::ui
