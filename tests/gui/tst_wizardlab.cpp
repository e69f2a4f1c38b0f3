// The desktop app against the real lab, as an operator clicks through it: add the vCenter (trusting its
// certificate after comparing fingerprints) and the Xloud cloud in Settings — passwords go to a real
// keychain —, then New Migration: discover, preflight, target, networks, review, Submit. The job runs in a
// real `xms worker` and the Migrations view follows it to Completed.
#include "common/tlspolicy.h"
#include "engine/cloudsession.h"
#include "eventsmodel.h"
#include "jobdetailview.h"
#include "jobsmodel.h"
#include "mainwindow.h"
#include "migrationsview.h"
#include "settings/clouddialog.h"
#include "settings/environmentdialog.h"
#include "settings/settingsdialog.h"
#include "store/jobstore.h"
#include "testutil.h"
#include "wizard/inventorymodel.h"
#include "wizard/networkspage.h"
#include "wizard/newmigrationwizard.h"
#include "wizard/nicmappingmodel.h"
#include "wizard/reviewpage.h"
#include "wizard/targetmodels.h"
#include "wizard/targetpage.h"
#include "wizard/workloadpage.h"
#include "xloud/blockstorageclient.h"
#include "xloud/computeclient.h"
#include "xloud/networkclient.h"
#include "xloud/session.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

using namespace xms;
using namespace xms::ui;

namespace {

const QString kVm = QStringLiteral("lab-debian-bios");
const QString kInstance = QStringLiteral("gui-lab-debian-bios");

QString env(const char* name)
{
    return QString::fromUtf8(test::requireEnv(name));
}

void setText(QWidget* parent, const char* name, const QString& text)
{
    auto* edit = parent->findChild<QLineEdit*>(QString::fromLatin1(name));
    QVERIFY2(edit, name);
    edit->clear();
    QTest::keyClicks(edit, text);
}

} // namespace

class TestWizardLab : public QObject
{
    Q_OBJECT
    QTemporaryDir m_home;
    std::optional<Store> m_store;
    QString m_jobId;

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("XMS_HOME", m_home.path().toUtf8());
        qputenv("XMS_CLI", XMS_CLI);
        auto store = Store::openDefault();
        XMS_VERIFY_OK(store);
        m_store = *store;
    }

    void addEnvironmentTrustingItsCertificate()
    {
        SettingsDialog settings(*m_store);
        settings.show();
        QTest::mouseClick(settings.findChild<QAbstractButton*>(QStringLiteral("envAdd")), Qt::LeftButton);
        auto* dialog = settings.findChild<EnvironmentDialog*>();
        QVERIFY(dialog && dialog->isVisible());
        setText(dialog, "envName", QStringLiteral("lab-vc"));
        setText(dialog, "envHost", env("XMS_LAB_VC_HOST"));
        dialog->findChild<QSpinBox*>(QStringLiteral("envPort"))->setValue(env("XMS_LAB_VC_PORT").toInt());
        setText(dialog, "envUser", env("XMS_LAB_VC_USER"));
        setText(dialog, "envPassword", env("XMS_LAB_VC_PASSWORD"));

        // The simulator's certificate is self-signed: Test Connection says so and points at Trust.
        QTest::mouseClick(dialog->findChild<QAbstractButton*>(QStringLiteral("envTest")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QAbstractButton*>(QStringLiteral("envTest"))->isEnabled(), 60000);
        QVERIFY2(dialog->statusText().contains(u"Trust Certificate"), qPrintable(dialog->statusText()));

        QTest::mouseClick(dialog->findChild<QAbstractButton*>(QStringLiteral("envTrust")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QDialog*>(QStringLiteral("trustDialog")), 60000);
        auto* trust = dialog->findChild<QDialog*>(QStringLiteral("trustDialog"));
        const QString sha1 = trust->findChild<QLabel*>(QStringLiteral("certSha1"))->text();
        const QString sha256 = trust->findChild<QLabel*>(QStringLiteral("certSha256"))->text();
        QCOMPARE(fingerprint::normalize(sha1), fingerprint::normalize(env("XMS_LAB_VC_THUMBPRINT")));
        QCOMPARE(fingerprint::normalize(sha256), fingerprint::normalize(env("XMS_LAB_VC_THUMBPRINT_SHA256")));
        QTest::mouseClick(trust->findChild<QAbstractButton*>(QStringLiteral("trustButton")), Qt::LeftButton);

        QTest::mouseClick(dialog->findChild<QAbstractButton*>(QStringLiteral("envSave")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_store->environment(QStringLiteral("lab-vc")).has_value(), 60000);
        const auto saved = m_store->environment(QStringLiteral("lab-vc"));
        QCOMPARE(saved->tls.mode, TlsPolicy::Mode::Pinned);
        QCOMPARE(saved->tls.pinSha256, fingerprint::normalize(env("XMS_LAB_VC_THUMBPRINT_SHA256")));
        QTRY_COMPARE(settings.environmentsModel()->rowCount(), 1);
    }

    void addCloud()
    {
        SettingsDialog settings(*m_store);
        settings.show();
        QTest::mouseClick(settings.findChild<QAbstractButton*>(QStringLiteral("cloudAdd")), Qt::LeftButton);
        auto* dialog = settings.findChild<CloudDialog*>();
        QVERIFY(dialog);
        setText(dialog, "cloudName", QStringLiteral("lab"));
        setText(dialog, "cloudAuthUrl", env("OS_AUTH_URL"));
        setText(dialog, "cloudUser", env("OS_USERNAME"));
        setText(dialog, "cloudSecret", env("OS_PASSWORD"));
        setText(dialog, "cloudProject", env("OS_PROJECT_NAME"));
        setText(dialog, "cloudDashboard", QStringLiteral("http://127.0.0.1/dashboard"));
        QTest::mouseClick(dialog->findChild<QAbstractButton*>(QStringLiteral("cloudSave")), Qt::LeftButton);
        QPointer<CloudDialog> open(dialog); // it deletes itself once saved
        QTRY_VERIFY2_WITH_TIMEOUT(m_store->cloud(QStringLiteral("lab")).has_value(),
                                  qPrintable(open ? open->statusText() : QString()), 120000);
    }

    void wizardSubmitsAndTheJobCompletes()
    {
        MainWindow w;
        w.setCloseChoiceForTesting(MainWindow::CloseChoice::KeepHeadless);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openNewMigration();
        auto* wizard = w.findChild<NewMigrationWizard*>();
        QVERIFY(wizard);
        auto next = [wizard] {
            QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), 120000);
            QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
        };
        next(); // Kind & source: the only environment

        auto* workload = qobject_cast<WorkloadPage*>(wizard->currentPage());
        QTRY_VERIFY_WITH_TIMEOUT(workload->inventory()->rowCount() > 0, 120000); // a real discovery
        workload->selectVms({kVm});
        QCOMPARE(workload->selectedVms(), QStringList {kVm});
        QTest::mouseClick(wizard->findChild<QAbstractButton*>(QStringLiteral("preflightSelected")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(workload->pendingPreflights(), 0, 180000);
        const PreflightReport* report = workload->inventory()->report(kVm);
        QVERIFY(report);
        QVERIFY2(report->verdict != Verdict::Block, qPrintable(report->summary()));
        next();

        auto* target = qobject_cast<TargetPage*>(wizard->currentPage());
        QTRY_VERIFY_WITH_TIMEOUT(!target->isLoading() && wizard->draft().target.has_value(), 120000);
        QComboBox* flavor = target->flavorCombo();
        const int small = flavor->findData(QStringLiteral("m1.small"), FlavorModel::NameRole);
        QVERIFY(small >= 0);
        flavor->setCurrentIndex(small);
        target->volumeTypeCombo()->setCurrentIndex(target->volumeTypeCombo()->findText(QStringLiteral("ssd")));
        auto* names = wizard->findChild<QAbstractItemView*>(QStringLiteral("instanceNames"));
        names->model()->setData(names->model()->index(0, InstanceNamesModel::InstanceName), kInstance);
        next();

        auto* nets = qobject_cast<NetworksPage*>(wizard->currentPage());
        NicMappingModel* map = nets->mappingModel();
        for (int r = 0; r < map->rowCount(); ++r)
            QVERIFY(map->setData(map->index(r, NicMappingModel::TargetNetwork), QStringLiteral("internal-net")));
        next();

        auto* review = qobject_cast<ReviewPage*>(wizard->currentPage());
        QTRY_VERIFY_WITH_TIMEOUT(!review->isChecking(), 180000);
        QVERIFY2(!review->isBlocked(), qPrintable(review->preflightText()));
        // README's and the metainfo's Review picture is this page: a final preflight that passed for real
        // (tst_screenshots has no vCenter or cloud to reach). XMS_SCREENSHOT_DIR=docs/screenshots refreshes it.
        if (const QString dir = qEnvironmentVariable("XMS_SCREENSHOT_DIR"); !dir.isEmpty()) {
            wizard->resize(980, 640);
            QTest::qWait(100);
            const QString path = QDir(dir).filePath(QStringLiteral("wizard-5-review.png"));
            QVERIFY2(wizard->grab().save(path), qPrintable(path));
        }
        QTRY_VERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        QTRY_VERIFY(!wizard->isVisible() || wizard->submittedJobs().size() == 1);
        QTRY_COMPARE(w.jobsModel()->rowCount(), 1);
        m_jobId = w.jobsModel()->job(0)->id;
        QTRY_COMPARE(w.migrationsView()->currentJobId(), m_jobId); // the view selects what was submitted

        // The worker (a real `xms worker`) runs it; the view follows until it ends.
        QElapsedTimer clock;
        clock.start();
        QTRY_VERIFY_WITH_TIMEOUT(isTerminal(w.jobsModel()->record(m_jobId)->stage), 20 * 60 * 1000);
        const JobRecord* job = w.jobsModel()->record(m_jobId);
        QVERIFY2(job->stage == Stage::Completed,
                 qPrintable(stageName(job->stage) + u": " + job->error.value(u"message").toString()));
        qInfo("GUI-submitted migration of %s completed in %lld s", qPrintable(kVm), clock.elapsed() / 1000);
        JobDetailView* detail = w.migrationsView()->detail();
        for (Stage s : workStages())
            QCOMPARE(detail->stageBar(s)->value(), 100);
        auto* instance = detail->findChild<QLabel*>(QStringLiteral("jobInstance"));
        QVERIFY(instance->isVisible());
        QVERIFY2(instance->text().contains(u"http://127.0.0.1/dashboard/project/instances/"),
                 qPrintable(instance->text()));
        QTRY_VERIFY(detail->events()->rowCount() > 0);
        bool completedEvent = false;
        for (int r = 0; r < detail->events()->rowCount(); ++r)
            completedEvent = completedEvent || detail->events()->event(r).name == u"migration.completed";
        QVERIFY(completedEvent);
    }

    // What the migration made is removed so the lab's quota stays free for the next test.
    void cleanupTestCase()
    {
        if (m_jobId.isEmpty())
            return;
        const auto job = JobStore(*m_store).job(m_jobId);
        const auto cloud = m_store->cloud(QStringLiteral("lab"));
        if (!job || !cloud)
            return;
        std::optional<Result<xloud::Session*>> session;
        openCloudSession(*cloud, this, [&](Result<xloud::Session*> s) { session = s; });
        QTRY_VERIFY_WITH_TIMEOUT(session.has_value(), 60000);
        XMS_VERIFY_OK(*session);
        auto* compute = new xloud::ComputeClient(**session, cloud->project, this);
        auto* network = new xloud::NetworkClient(**session, cloud->project, this);
        auto* volumes = new xloud::BlockStorageClient(**session, cloud->project, this);
        // A leak here would eat the quota later tests count on: fail loudly.
        auto await = [](auto call) {
            std::optional<Status> done;
            call([&](Status s) { done = s; });
            QVERIFY2(QTest::qWaitFor([&] { return done.has_value(); }, 300000), "cleanup: no answer in 5 minutes");
            XMS_VERIFY_OK(*done);
        };
        const QString server = job->result.value(u"server_id").toString();
        if (!server.isEmpty()) {
            await([&](auto cb) { compute->deleteServer(server, cb); });
            await([&](auto cb) { compute->waitDeleted(server, cb); });
        }
        for (const QJsonValue& p : job->result.value(u"port_ids").toArray())
            await([&](auto cb) { network->deletePort(p.toString(), cb); });
        for (const QJsonValue& v : job->result.value(u"volume_ids").toArray()) {
            await([&](auto cb) { volumes->removeVolume(v.toString(), cb); });
        }
    }
};

QTEST_MAIN(TestWizardLab)
#include "tst_wizardlab.moc"
