#include "reviewpage.h"

#include "engine/enginesettings.h"
#include "guest/guestfsenv.h"
#include "jobsmodel.h"
#include "newmigrationwizard.h"

#include <QCheckBox>
#include <QLabel>
#include <QPointer>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace xms::ui {

ReviewPage::ReviewPage(NewMigrationWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_store(wizard->store())
    , m_summary(new QTextBrowser(this))
    , m_preflight(new QLabel(this))
    , m_skip(new QCheckBox(tr("Submit without the final preflight (a blocking problem then fails the job "
                              "later)"),
                           this))
{
    setTitle(tr("Review"));
    setSubTitle(tr("Check the plan, then Submit: the jobs enter Queued and a migration worker picks them up."));
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    m_preflight->setObjectName(QStringLiteral("reviewPreflight"));
    m_preflight->setWordWrap(true);
    m_preflight->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_skip->setObjectName(QStringLiteral("skipPreflight"));
    m_skip->setToolTip(tr("Same as 'xms migration submit --skip-preflight'"));
    connect(m_skip, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary, 1);
    layout->addWidget(m_preflight);
    layout->addWidget(m_skip);
}

void ReviewPage::initializePage()
{
    renderSummary();
    m_reports.clear();
    m_skip->setChecked(false);
    m_checking = true;
    ++m_run;
    m_preflight->setText(
        tr("Running preflight against %1 / %2…").arg(m_wizard->draft().spec.cloud, m_wizard->draft().spec.project));
    emit completeChanged();
    checkNext(m_wizard->draft().specs());
}

void ReviewPage::cleanupPage()
{
    ++m_run;
    m_checking = false;
}

// One VM at a time, like the CLI: each run opens its own sessions.
void ReviewPage::checkNext(QList<MigrationSpec> remaining)
{
    if (remaining.isEmpty()) {
        m_checking = false;
        QStringList lines;
        for (const PreflightReport& r : m_reports) {
            lines << u"<b>" + r.vm.toHtmlEscaped() + u"</b>: " + r.summary().toHtmlEscaped();
            for (const PreflightCheck& c : r.failing()) {
                if (!c.fix.isEmpty())
                    lines << u"&nbsp;&nbsp;" + tr("Fix: %1").arg(c.fix.toHtmlEscaped());
            }
        }
        if (isBlocked())
            lines << tr("<span style='color:#b00020'>Preflight blocked the migration; nothing will be "
                        "submitted until the problems are fixed.</span>");
        m_preflight->setText(lines.join(QStringLiteral("<br>")));
        emit completeChanged();
        return;
    }
    const MigrationSpec spec = remaining.takeFirst();
    QPointer<ReviewPage> self(this);
    const quint64 run = m_run;
    runPreflight(m_store, spec, this, [self, run, remaining, vm = spec.vm](Result<PreflightReport> r) {
        if (!self || run != self->m_run)
            return;
        if (r) {
            self->m_reports.append(*r);
            self->m_wizard->draft().preflight.insert(vm, *r); // the final check goes with the job
        } else {
            PreflightReport failed;
            failed.vm = vm;
            failed.add(PreflightCheck {QStringLiteral("Target"), QStringLiteral("preflight.error"), Verdict::Block,
                                       r.error().message, QString()});
            self->m_reports.append(failed);
        }
        self->checkNext(remaining);
    });
}

bool ReviewPage::isBlocked() const
{
    return std::any_of(m_reports.cbegin(), m_reports.cend(),
                       [](const PreflightReport& r) { return r.verdict == Verdict::Block; });
}

bool ReviewPage::isComplete() const
{
    return m_skip->isChecked() || (!m_checking && !isBlocked());
}

QString ReviewPage::preflightText() const
{
    return m_preflight->text();
}

void ReviewPage::renderSummary()
{
    const MigrationDraft& d = m_wizard->draft();
    const MigrationSpec& s = d.spec;
    QString html = tr("<h3>Cold migration from %1 to %2 / %3</h3>")
                       .arg(s.source.toHtmlEscaped(), s.cloud.toHtmlEscaped(), s.project.toHtmlEscaped());
    html += tr("<p>Flavor <b>%1</b>, volume type <b>%2</b>, availability zone <b>%3</b>.</p>")
                .arg(s.flavor.toHtmlEscaped(), s.volumeType.isEmpty() ? tr("default") : s.volumeType.toHtmlEscaped(),
                     s.availabilityZone.isEmpty() ? tr("any") : s.availabilityZone.toHtmlEscaped());
    QStringList nets;
    for (const NicMapping& m : s.networks) {
        QString line = (m.nicLabel.isEmpty() ? m.sourceNetwork : m.nicLabel).toHtmlEscaped() + u" → "
            + m.targetNetwork.toHtmlEscaped();
        if (!m.targetSubnet.isEmpty())
            line += u" / " + m.targetSubnet.toHtmlEscaped();
        if (m.keepMac)
            line += tr(" (keep MAC)");
        if (m.keepIp)
            line += tr(" (keep IP)");
        nets << line;
    }
    if (!nets.isEmpty())
        html += tr("<p>Networks: %1</p>").arg(nets.join(QStringLiteral("; ")));

    html += u"<table border=1 cellpadding=4 cellspacing=0><tr><th>" + tr("VM") + u"</th><th>" + tr("Instance")
        + u"</th><th>" + tr("Preflight") + u"</th><th>" + tr("Estimated runtime") + u"</th><th>"
        + tr("Resources created in Xloud") + u"</th></tr>";
    qint64 total = 0;
    for (const vsphere::VmInfo& vm : d.vms) {
        const Estimate e = estimateJob(m_wizard->store(), vm);
        total += e.seconds;
        QStringList disks;
        for (const vsphere::DiskInfo& disk : vm.disks)
            disks << formatBytes(disk.capacityBytes);
        const QString created
            = tr("%n volume(s) (%1)", nullptr, int(vm.disks.size())).arg(disks.join(QStringLiteral(", "))) + u"<br>"
            + tr("%n port(s)", nullptr, int(vm.nics.size())) + u"<br>" + tr("1 instance") + u"<br><i>"
            + tr("temporary images, deleted after use") + u"</i>";
        const auto report = d.preflight.constFind(vm.name);
        html += u"<tr><td>" + vm.name.toHtmlEscaped() + u"</td><td>" + d.instanceNameFor(vm.name).toHtmlEscaped()
            + u"</td><td>" + (report == d.preflight.cend() ? tr("not checked") : verdictName(report->verdict))
            + u"</td><td>" + formatDuration(e.seconds) + u"<br><small>" + e.basis.toHtmlEscaped() + u"</small></td><td>"
            + created + u"</td></tr>";
    }
    html += u"</table>";
    html += tr("<p>Estimated total: <b>%1</b> (jobs run in parallel up to the worker slots).</p>")
                .arg(formatDuration(total));
    const EngineSettings engine = EngineSettings::read(m_wizard->store());
    html += engine.bootVerificationOn()
        ? tr("<p>Boot verification: <b>on</b>. Each converted guest boots locally on an isolated network and must "
             "bring its network up before anything is created in Xloud%1.</p>")
              .arg(guestfs::kvmUsable() ? QString() : tr(" (emulated without KVM: about a minute more per VM)"))
        : tr("<p>Boot verification: <b>off</b> (setting guest/verify-boot is %1).</p>").arg(engine.verifyBoot);
    html += tr("<p><b>The source VMs are powered off</b> for the migration and stay powered off afterwards. Do not "
               "power them on while the migrated instances run.</p>");
    m_summary->setHtml(html);
}

QString ReviewPage::summaryText() const
{
    return m_summary->toPlainText();
}

bool ReviewPage::validatePage()
{
    if (!isComplete())
        return false;
    if (auto submitted = m_wizard->submit(); !submitted) {
        m_preflight->setText(
            tr("<span style='color:#b00020'>Not submitted: %1</span>").arg(submitted.error().message.toHtmlEscaped()));
        return false;
    }
    return true;
}

} // namespace xms::ui
