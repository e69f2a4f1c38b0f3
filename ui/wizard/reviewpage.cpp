#include "reviewpage.h"

#include "jobsmodel.h"
#include "newmigrationwizard.h"

#include <QTextBrowser>
#include <QVBoxLayout>

namespace xms::ui {

ReviewPage::ReviewPage(NewMigrationWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_summary(new QTextBrowser(this))
{
    setTitle(tr("Review"));
    setSubTitle(tr("Check the plan, then Submit: the jobs enter Queued and a migration worker picks them up."));
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
}

void ReviewPage::initializePage()
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
        nets << line;
    }
    if (!nets.isEmpty())
        html += tr("<p>Networks: %1</p>").arg(nets.join(QStringLiteral("; ")));

    html += u"<table border=1 cellpadding=4 cellspacing=0><tr><th>" + tr("VM") + u"</th><th>" + tr("Instance")
            + u"</th><th>" + tr("Preflight") + u"</th><th>" + tr("Estimated runtime") + u"</th><th>"
            + tr("Resources created in Xloud") + u"</th></tr>";
    qint64 total = 0;
    for (const vsphere::VmInfo& vm : d.vms) {
        const Estimate e = estimateJob(m_wizard->store(), vm.toJson());
        total += e.seconds;
        QStringList disks;
        for (const vsphere::DiskInfo& disk : vm.disks)
            disks << formatBytes(disk.capacityBytes);
        const QString created
            = tr("%n volume(s) (%1)", nullptr, int(vm.disks.size())).arg(disks.join(QStringLiteral(", "))) + u"<br>"
              + tr("%n port(s)", nullptr, int(vm.nics.size())) + u"<br>" + tr("1 instance")
              + u"<br><i>" + tr("temporary images, deleted after use") + u"</i>";
        const auto report = d.preflight.constFind(vm.name);
        html += u"<tr><td>" + vm.name.toHtmlEscaped() + u"</td><td>" + d.instanceNameFor(vm.name).toHtmlEscaped()
                + u"</td><td>" + (report == d.preflight.cend() ? tr("not checked") : verdictName(report->verdict))
                + u"</td><td>" + formatDuration(e.seconds) + u"<br><small>" + e.basis.toHtmlEscaped()
                + u"</small></td><td>" + created + u"</td></tr>";
    }
    html += u"</table>";
    html += tr("<p>Estimated total: <b>%1</b> (jobs run in parallel up to the worker slots).</p>")
                .arg(formatDuration(total));
    html += tr("<p><b>The source VMs are powered off</b> for the migration and stay powered off afterwards. Do not "
               "power them on while the migrated instances run.</p>");
    m_summary->setHtml(html);
}

QString ReviewPage::summaryText() const { return m_summary->toPlainText(); }

bool ReviewPage::validatePage() { return m_wizard->submit(); }

} // namespace xms::ui
