#include "jobdetailview.h"

#include "asyncdialogs.h"
#include "eventsmodel.h"
#include "jobsmodel.h"
#include "services/reportrender.h"
#include "store/jobstore.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

namespace xms::ui {

JobDetailView::JobDetailView(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_transfer(new QLabel(this))
    , m_instance(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_error(new QLabel(this))
    , m_cancel(new QPushButton(tr("&Cancel Job"), this))
    , m_retry(new QPushButton(tr("&Retry"), this))
    , m_discard(new QPushButton(tr("&Discard Converted Disks"), this))
    , m_saveReport(new QPushButton(tr("Save Re&port…"), this))
    , m_reportResult(new QLabel(this))
    , m_events(new EventsModel(this))
    , m_filter(new EventFilterModel(this))
{
    m_title->setObjectName(QStringLiteral("jobTitle"));
    m_title->setTextFormat(Qt::RichText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_instance->setObjectName(QStringLiteral("jobInstance"));
    m_instance->setOpenExternalLinks(true);
    m_instance->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_notice->setObjectName(QStringLiteral("coldNotice"));
    m_notice->setWordWrap(true);
    m_notice->setFrameShape(QFrame::StyledPanel);
    m_notice->setText(tr("<b>Cold migration:</b> the source VM stays powered off in vSphere and XMS never deletes "
                         "it. Do <b>not</b> power it on while the migrated instance runs on Xloud: both share "
                         "hostname, MAC addresses and disk UUIDs, which causes network and storage conflicts."));
    m_error->setObjectName(QStringLiteral("jobError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cancel->setObjectName(QStringLiteral("cancelJob"));
    m_cancel->setToolTip(tr("Stop this job; its worker deletes the cloud resources it created"));
    m_retry->setObjectName(QStringLiteral("retryJob"));
    m_retry->setToolTip(
        tr("Queue this failed or cancelled job again (same as 'xms migration retry'). A job that failed after "
           "Guest Fixes resumes with the disks it already converted."));
    connect(m_cancel, &QPushButton::clicked, this, [this] { emit cancelRequested(m_jobId); });
    connect(m_retry, &QPushButton::clicked, this, [this] { emit retryRequested(m_jobId); });
    m_discard->setObjectName(QStringLiteral("discardStaging"));
    m_discard->setToolTip(tr("Free the disks this failed job converted and keeps for a retry (same as 'xms "
                             "migration discard'); a retry then starts from Export."));
    connect(m_discard, &QPushButton::clicked, this, [this] { emit discardRequested(m_jobId); });
    m_saveReport->setObjectName(QStringLiteral("saveReport"));
    m_saveReport->setToolTip(tr("Save this job's migration report — source VM, preflight, stage timeline, guest "
                                "changes, disk checksums, cloud resources and events — as HTML, JSON or text "
                                "(same as 'xms migration report')"));
    connect(m_saveReport, &QPushButton::clicked, this, &JobDetailView::askReportPath);
    m_reportResult->setObjectName(QStringLiteral("reportResult"));
    m_reportResult->setWordWrap(true);
    m_reportResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* stages = new QGridLayout;
    int row = 0;
    for (xms::Stage s : workStages()) {
        auto* bar = new QProgressBar(this);
        bar->setObjectName(u"stageBar_" + stageKey(s));
        bar->setRange(0, 100);
        bar->setAccessibleName(stageName(s));
        auto* name = new QLabel(stageName(s), this);
        name->setBuddy(bar);
        auto* bytes = new QLabel(this);
        stages->addWidget(name, row, 0);
        stages->addWidget(bar, row, 1);
        stages->addWidget(bytes, row, 2);
        m_bars.insert(s, bar);
        m_stageBytes.insert(s, bytes);
        ++row;
    }
    stages->setColumnStretch(1, 1);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_transfer, 1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_retry);
    buttons->addWidget(m_discard);
    buttons->addWidget(m_saveReport);

    auto* summary = new QWidget(this);
    auto* top = new QVBoxLayout(summary);
    top->setContentsMargins({});
    top->addWidget(m_title);
    top->addWidget(m_status);
    top->addLayout(stages);
    top->addLayout(buttons);
    top->addWidget(m_reportResult);
    top->addWidget(m_instance);
    top->addWidget(m_error);
    top->addWidget(m_notice);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(summary);
    split->addWidget(createEventsPane());
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins({});
    layout->addWidget(split);
    setJob(nullptr);
}

QWidget* JobDetailView::createEventsPane()
{
    auto* pane = new QWidget(this);
    m_level = new QComboBox(pane);
    m_level->setObjectName(QStringLiteral("eventLevel"));
    m_level->addItem(tr("All levels"), int(EventLevel::Debug));
    m_level->addItem(tr("Info and above"), int(EventLevel::Info));
    m_level->addItem(tr("Warnings and errors"), int(EventLevel::Warning));
    m_level->addItem(tr("Errors only"), int(EventLevel::Error));
    m_level->setCurrentIndex(1);
    m_stage = new QComboBox(pane);
    m_stage->setObjectName(QStringLiteral("eventStage"));
    m_stage->addItem(tr("All stages"), -1);
    for (xms::Stage s : {xms::Stage::Queued, xms::Stage::Export, xms::Stage::Inspect, xms::Stage::GuestFixes,
                         xms::Stage::WriteVolume, xms::Stage::Finalize, xms::Stage::Completed})
        m_stage->addItem(stageName(s), int(s));
    m_search = new QLineEdit(pane);
    m_search->setPlaceholderText(tr("Search events"));
    m_search->setClearButtonEnabled(true);
    auto* copy = new QPushButton(tr("Cop&y"), pane);
    copy->setObjectName(QStringLiteral("copyEvents"));
    copy->setToolTip(tr("Copy the selected events (or all shown) as text"));
    connect(copy, &QPushButton::clicked, this, &JobDetailView::copyEvents);
    connect(m_level, &QComboBox::currentIndexChanged, this, &JobDetailView::applyFilter);
    connect(m_stage, &QComboBox::currentIndexChanged, this, &JobDetailView::applyFilter);
    connect(m_search, &QLineEdit::textChanged, this, &JobDetailView::applyFilter);

    m_filter->setSourceModel(m_events);
    m_eventTable = new QTableView(pane);
    m_eventTable->setObjectName(QStringLiteral("eventTable"));
    m_eventTable->setModel(m_filter);
    m_eventTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_eventTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_eventTable->verticalHeader()->hide();
    m_eventTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_eventTable->verticalHeader()->setDefaultSectionSize(m_eventTable->fontMetrics().height() + 6);
    m_eventTable->horizontalHeader()->resizeSection(EventsModel::Time, 100);
    m_eventTable->horizontalHeader()->resizeSection(EventsModel::Name, 150);
    m_eventTable->horizontalHeader()->setStretchLastSection(true);
    m_eventTable->setWordWrap(false);
    auto* copyAction = new QAction(tr("Copy"), m_eventTable);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    connect(copyAction, &QAction::triggered, this, &JobDetailView::copyEvents);
    m_eventTable->addAction(copyAction);
    m_eventTable->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto* levelLabel = new QLabel(tr("&Level:"), pane);
    levelLabel->setBuddy(m_level);
    auto* stageLabel = new QLabel(tr("S&tage:"), pane);
    stageLabel->setBuddy(m_stage);
    auto* filters = new QHBoxLayout;
    filters->addWidget(levelLabel);
    filters->addWidget(m_level);
    filters->addWidget(stageLabel);
    filters->addWidget(m_stage);
    filters->addWidget(m_search, 1);
    filters->addWidget(copy);
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins({});
    layout->addLayout(filters);
    layout->addWidget(m_eventTable);
    return pane;
}

void JobDetailView::applyFilter()
{
    m_filter->setMinimumLevel(EventLevel(m_level->currentData().toInt()));
    const int stage = m_stage->currentData().toInt();
    m_filter->setStage(stage < 0 ? std::nullopt : std::optional<xms::Stage>(xms::Stage(stage)));
    m_filter->setFilterFixedString(m_search->text());
}

void JobDetailView::copyEvents() const
{
    QModelIndexList rows = m_eventTable->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        for (int r = 0; r < m_filter->rowCount(); ++r)
            rows.append(m_filter->index(r, 0));
    }
    std::sort(rows.begin(), rows.end());
    QApplication::clipboard()->setText(eventsAsText(m_filter, rows));
}

QString JobDetailView::instanceUrl(const QString& dashboardBase, const QString& serverId)
{
    if (dashboardBase.isEmpty() || serverId.isEmpty())
        return {};
    QString base = dashboardBase;
    while (base.endsWith(u'/'))
        base.chop(1);
    // Horizon's path for an instance's overview page.
    return base + u"/project/instances/" + QString::fromLatin1(QUrl::toPercentEncoding(serverId)) + u'/';
}

void JobDetailView::setJob(const JobRecord* job)
{
    const bool any = job != nullptr;
    const QString id = any ? job->id : QString();
    if (id != m_jobId) {
        m_jobId = id;
        m_events->setJob(id);
        m_reportResult->hide(); // it spoke of another job
    }
    m_vm = any ? job->spec.value(u"vm").toString() : QString();
    for (QWidget* w : std::initializer_list<QWidget*> {m_cancel, m_retry, m_notice, m_saveReport})
        w->setVisible(any);
    m_discard->setVisible(any && job->stage == xms::Stage::Failed && !job->checkpoint.isEmpty());
    if (!any) {
        m_title->setText(tr("<i>Select a migration to see its stages and events.</i>"));
        m_status->clear();
        m_transfer->clear();
        m_instance->hide();
        m_error->hide();
        for (QProgressBar* b : std::as_const(m_bars))
            b->setValue(0);
        for (QLabel* l : std::as_const(m_stageBytes))
            l->clear();
        return;
    }
    const QString vm = job->spec.value(u"vm").toString();
    m_title->setText(tr("<b>%1</b> → %2 / %3 <span style='color:gray'>(%4, job %5, attempt %6)</span>")
                         .arg(vm.toHtmlEscaped(), job->spec.value(u"project").toString().toHtmlEscaped(),
                              job->spec.value(u"instance_name").toString().toHtmlEscaped(),
                              job->spec.value(u"cloud").toString().toHtmlEscaped(), job->id.left(8))
                         .arg(job->attempt));
    QString stage = stageName(job->stage);
    if (job->stage == xms::Stage::Failed || job->stage == xms::Stage::Cancelled)
        stage = tr("%1 during %2").arg(stage, stageName(job->failedStage));
    m_status->setText(tr("Stage: %1 — %2").arg(stage, job->statusText));
    for (xms::Stage s : workStages()) {
        const StageProgress p = job->progress.value(s);
        m_bars[s]->setValue(job->stage == xms::Stage::Completed ? 100 : p.percent);
        m_stageBytes[s]->setText(
            p.bytesTotal > 0 ? tr("%1 of %2").arg(formatBytes(p.bytesDone), formatBytes(p.bytesTotal)) : QString());
    }
    QStringList transfer;
    if (job->bytesTotal > 0 || job->bytesTransferred > 0)
        transfer << tr("Transferred %1 of %2").arg(formatBytes(job->bytesTransferred), formatBytes(job->bytesTotal));
    if (job->rate > 0 && !isTerminal(job->stage))
        transfer << tr("%1/s").arg(formatBytes(qint64(job->rate)));
    if (job->etaSeconds >= 0 && !isTerminal(job->stage))
        transfer << tr("ETA %1").arg(formatDuration(job->etaSeconds));
    m_transfer->setText(transfer.join(QStringLiteral(" · ")));

    const QString server = job->result.value(u"server_id").toString();
    m_instance->setVisible(!server.isEmpty());
    if (!server.isEmpty()) {
        const QString url = instanceUrl(m_dashboards.value(job->spec.value(u"cloud").toString()), server);
        m_instance->setText(url.isEmpty()
                                ? tr("Created instance: %1 <i>(set a Dashboard URL for this cloud in Settings to "
                                     "link to it)</i>")
                                      .arg(server.toHtmlEscaped())
                                : tr("Created instance: <a href=\"%1\">%2</a> (open in the Xloud Dashboard)")
                                      .arg(url.toHtmlEscaped(), server.toHtmlEscaped()));
    }
    const QString error = job->error.value(u"message").toString();
    m_error->setVisible(!error.isEmpty());
    m_error->setText(error);
    m_cancel->setEnabled(!isTerminal(job->stage) && !job->cancelRequested);
    m_cancel->setText(job->cancelRequested && !isTerminal(job->stage) ? tr("Cancelling…") : tr("&Cancel Job"));
    m_retry->setEnabled(job->stage == xms::Stage::Failed || job->stage == xms::Stage::Cancelled);
}

void JobDetailView::askReportPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = QStringLiteral("%1-%2-report.html").arg(validInstanceName(m_vm), m_jobId.left(8));
    const QString filters = QStringList {ReportRenderer::fileFilter(ReportRenderer::Format::Html),
                                         ReportRenderer::fileFilter(ReportRenderer::Format::Json),
                                         ReportRenderer::fileFilter(ReportRenderer::Format::Text)}
                                .join(QStringLiteral(";;"));
    askPath(this, FileMode::Save, tr("Save Migration Report"), QDir(dir).filePath(name), filters,
            [this](const QString& path) { saveReport(path); });
}

void JobDetailView::saveReport(const QString& path)
{
    if (!m_store || m_jobId.isEmpty())
        return;
    m_saveReport->setEnabled(false);
    m_reportResult->setStyleSheet({});
    m_reportResult->setText(tr("Saving the report to %1…").arg(path));
    m_reportResult->show();
    const QString jobId = m_jobId;
    ReportRenderer::saveInBackground(
        JobStore(*m_store), jobId, ReportRenderer::formatForFile(path), path, this,
        [this, path, jobId](const Status& saved) {
            m_saveReport->setEnabled(true);
            if (jobId == m_jobId) { // still the job it was asked for
                m_reportResult->setStyleSheet(saved ? QString() : QStringLiteral("color: #b00020"));
                m_reportResult->setText(saved ? tr("Report saved to %1").arg(path) : saved.error().message);
                m_reportResult->show();
            }
            emit reportSaved(path, saved ? QString() : saved.error().message);
        });
}

} // namespace xms::ui
