#include "engine/checkpoint.h"
#include "eventsmodel.h"
#include "i18n.h"
#include "jobdetailview.h"
#include "jobsmodel.h"
#include "mainwindow.h"
#include "migrationsview.h"
#include "services/jobwatcher.h"
#include "store/jobstore.h"
#include "testutil.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>

namespace {
// Answers the next modal question box with the given button (the app asks before cancelling).
void answerNextQuestion(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, qApp, [button] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (box)
            box->button(button)->click();
        else
            answerNextQuestion(button); // not shown yet
    });
}

QJsonObject spec(const QString& vm)
{
    return {{QStringLiteral("source"), QStringLiteral("lab-vc")},
            {QStringLiteral("vm"), vm},
            {QStringLiteral("cloud"), QStringLiteral("lab")},
            {QStringLiteral("project"), QStringLiteral("infra")},
            {QStringLiteral("instance_name"), vm}};
}
} // namespace

using namespace xms;
using namespace xms::ui;
using namespace Qt::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT
    QTemporaryDir m_home;

    JobStore jobs() const { return JobStore(*Store::openDefault()); }

    // Shows the window with this job selected: its pane, once the watcher brought the job (nullptr if not).
    static JobDetailView* showJob(MainWindow& w, const QString& jobId)
    {
        w.show();
        if (!QTest::qWaitFor([&] { return w.jobsModel()->record(jobId) != nullptr; }))
            return nullptr;
        w.migrationsView()->selectJob(jobId);
        JobDetailView* detail = w.migrationsView()->detail();
        return QTest::qWaitFor([&] { return detail->jobId() == jobId; }) ? detail : nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("XMS_HOME", m_home.path().toUtf8()); // an empty shared store
        qputenv("XMS_CLI", "/bin/true"); // Retry starts a worker: a no-op here
    }

    void emptyStateSaysWhatToDo()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.migrationsView()->showsEmptyState());
        auto* text = w.findChild<QLabel*>(QStringLiteral("emptyStateText"));
        QVERIFY(text && text->isVisible());
        QVERIFY(text->text().contains(u"New Migration"));
        auto* button = w.findChild<QPushButton*>(QStringLiteral("emptyNewMigration"));
        QVERIFY(button && button->isVisible());
        QSignalSpy spy(w.migrationsView(), &MigrationsView::newMigrationRequested);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(spy.count(), 1);
    }

    // The window's icon is the app's, from the PNGs built in (Qt cannot render the SVG without its plugin).
    void windowHasTheAppIcon()
    {
        MainWindow w;
        const QIcon icon = w.windowIcon();
        QVERIFY(!icon.isNull());
        QCOMPARE(icon.pixmap(QSize(48, 48)).size(), QSize(48, 48));
        const QImage image = icon.pixmap(QSize(48, 48)).toImage();
        QCOMPARE(image.pixelColor(24, 6), QColor(0x19, 0x75, 0x60)); // the green tile of resources/icons/xms.svg
    }

    void jobAppearsInTable()
    {
        MainWindow w;
        w.show();
        QAbstractItemModelTester tester(w.jobsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        JobSnapshot job;
        job.id = QStringLiteral("job-1");
        job.vmName = QStringLiteral("lab-debian-bios");
        job.targetProject = QStringLiteral("infra");
        job.stage = Stage::Export;
        job.stagePercent[Stage::Export] = 50;
        job.bytesTransferred = 512LL * 1024 * 1024;
        job.bytesTotal = 2048LL * 1024 * 1024;
        w.jobsModel()->upsert(job);

        QVERIFY(!w.migrationsView()->showsEmptyState());
        QTableView* table = w.migrationsView()->table();
        QVERIFY(table->isVisible());
        QCOMPARE(table->model()->rowCount(), 1);
        const QAbstractItemModel* m = table->model();
        QCOMPARE(m->index(0, JobsModel::Stage).data().toString(), QStringLiteral("Export"));
        QCOMPARE(m->index(0, JobsModel::Progress).data().toInt(), 10); // 50 % of one of five stages
        QCOMPARE(m->index(0, JobsModel::Target).data().toString(), QStringLiteral("infra / lab-debian-bios"));

        job.stage = Stage::Completed;
        w.jobsModel()->upsert(job);
        QCOMPARE(m->rowCount(), 1);
        QCOMPARE(m->index(0, JobsModel::Progress).data().toInt(), 100);

        w.jobsModel()->remove(job.id);
        QVERIFY(w.migrationsView()->showsEmptyState());
    }

    // A job the CLI submits shows up live; Cancel and Retry do what `xms migration cancel|retry` do.
    void cliJobAppearsThenCancelAndRetry()
    {
        MainWindow w;
        w.setCloseChoiceForTesting(MainWindow::CloseChoice::KeepHeadless);
        w.show();
        JobStore store = jobs();
        auto job = store.create(spec(QStringLiteral("cli-vm")));
        XMS_VERIFY_OK(job);
        EventRecord e;
        e.jobId = job->id;
        e.name = QStringLiteral("job.queued");
        e.message = QStringLiteral("Waiting for a worker slot");
        e.time = QDateTime::currentDateTimeUtc();
        XMS_VERIFY_OK(store.appendEvent(e));
        QTRY_VERIFY_WITH_TIMEOUT(w.jobsModel()->record(job->id), 2000); // ≤ one poll (250 ms) in practice
        QTRY_COMPARE(w.migrationsView()->currentJobId(), job->id);
        JobDetailView* detail = w.migrationsView()->detail();
        QTRY_COMPARE(detail->events()->rowCount(), 1);
        auto* copy = detail->findChild<QPushButton*>(QStringLiteral("copyEvents"));
        QTest::mouseClick(copy, Qt::LeftButton);
        QVERIFY(QApplication::clipboard()->text().contains(u"Waiting for a worker slot"));
        QVERIFY(detail->findChild<QLabel*>(QStringLiteral("coldNotice"))->text().contains(u"powered off"));

        auto* cancel = detail->findChild<QPushButton*>(QStringLiteral("cancelJob"));
        auto* retry = detail->findChild<QPushButton*>(QStringLiteral("retryJob"));
        QVERIFY(cancel->isEnabled());
        QVERIFY(!retry->isEnabled());
        answerNextQuestion(QMessageBox::Yes);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_COMPARE(store.job(job->id)->stage, Stage::Cancelled); // queued and unowned: ends at once
        QTRY_COMPARE(w.jobsModel()->record(job->id)->stage, Stage::Cancelled);
        QTRY_VERIFY(retry->isEnabled());
        QVERIFY(!cancel->isEnabled());

        QTest::mouseClick(retry, Qt::LeftButton);
        const auto again = store.job(job->id);
        QCOMPARE(again->stage, Stage::Queued);
        QCOMPARE(again->attempt, 2);
        QTRY_COMPARE(w.jobsModel()->record(job->id)->attempt, 2);
        store.setEnded(job->id, Stage::Cancelled, Stage::Queued, {}, Text::literal(QStringLiteral("test over")));
    }

    void stageBarsAndInstanceLink()
    {
        Store s = *Store::openDefault();
        CloudRecord cloud;
        cloud.name = QStringLiteral("lab");
        cloud.authUrl = QStringLiteral("http://127.0.0.1:5000/v3");
        cloud.dashboardUrl = QStringLiteral("https://xloud.example/dashboard/");
        XMS_VERIFY_OK(s.saveCloud(cloud));
        JobStore store(s);
        auto job = store.create(spec(QStringLiteral("done-vm")));
        XMS_VERIFY_OK(job);
        for (Stage st : workStages())
            store.setProgress(job->id, st, {100, 0, 0});
        store.setEnded(job->id, Stage::Completed, Stage::Finalize,
                       {{QStringLiteral("server_id"), QStringLiteral("srv-42")}},
                       Text::literal(QStringLiteral("Migration complete")));
        MainWindow w;
        JobDetailView* detail = showJob(w, job->id);
        QVERIFY(detail);
        for (Stage st : workStages())
            QCOMPARE(detail->stageBar(st)->value(), 100);
        auto* instance = detail->findChild<QLabel*>(QStringLiteral("jobInstance"));
        QVERIFY(instance->isVisible());
        QVERIFY2(instance->text().contains(u"https://xloud.example/dashboard/project/instances/srv-42/"),
                 qPrintable(instance->text()));
    }

    // Save Report… asks where, writes the job's report off the GUI thread (HTML, or JSON by the suffix) and
    // says where it went; a file that cannot be written is a clear message and no file.
    void saveReportButton()
    {
        JobStore store = jobs();
        auto job = store.create(spec(QStringLiteral("report-vm")));
        XMS_VERIFY_OK(job);
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-600);
        const struct
        {
            int at;
            Stage stage;
            const char* name;
            const char* message;
        } events[] = {{0, Stage::Queued, "job.started", "started"},
                      {1, Stage::Export, "export.started", "exporting"},
                      {61, Stage::GuestFixes, "guest_fixes.guest_change", "Pinned ens192 to 00:50:56:aa:bb:07"},
                      {90, Stage::WriteVolume, "write.started", "writing"},
                      {120, Stage::Finalize, "finalize.server_created", "server"}};
        for (const auto& e : events) {
            EventRecord r = EventRecord::of(job->id, e.stage, EventLevel::Info, QString::fromLatin1(e.name),
                                            Text::literal(QString::fromLatin1(e.message)));
            r.time = t0.addSecs(e.at);
            XMS_VERIFY_OK(store.appendEvent(r));
        }
        LedgerEntry volume;
        volume.jobId = job->id;
        volume.kind = u"volume"_s;
        volume.cloud = u"lab"_s;
        volume.project = u"infra"_s;
        volume.name = u"report-vm-disk0"_s;
        auto row = store.ledgerAdd(job->id, volume);
        XMS_VERIFY_OK(row);
        XMS_VERIFY_OK(store.ledgerSetResource(job->id, *row, u"vol-report-1"_s));
        XMS_VERIFY_OK(store.setEnded(job->id, Stage::Completed, Stage::Finalize, {{u"server_id"_s, u"srv-7"_s}},
                                     Text::literal(u"Migration complete"_s)));

        MainWindow w;
        JobDetailView* detail = showJob(w, job->id);
        QVERIFY(detail);
        auto* button = detail->findChild<QPushButton*>(QStringLiteral("saveReport"));
        QVERIFY(button && button->isVisible() && button->isEnabled());
        QSignalSpy saved(detail, &JobDetailView::reportSaved);

        QTest::mouseClick(button, Qt::LeftButton);
        QFileDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = detail->findChild<QFileDialog*>()) && dialog->isVisible());
        QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
        QVERIFY2(dialog->nameFilters().first().contains(u"*.html"), qPrintable(dialog->nameFilters().join(u';')));
        const QString html = m_home.filePath(u"report-vm.html"_s);
        dialog->selectFile(html);
        static_cast<QDialog*>(dialog)->accept(); // QFileDialog::accept, as the Save button does
        QTRY_COMPARE(saved.count(), 1);
        QCOMPARE(saved.first().at(0).toString(), html);
        QCOMPARE(saved.first().at(1).toString(), QString());
        auto* result = detail->findChild<QLabel*>(QStringLiteral("reportResult"));
        QVERIFY(result->isVisible());
        QVERIFY2(result->text().contains(u"Report saved to " + html), qPrintable(result->text()));
        QTRY_VERIFY(button->isEnabled());
        QFile page(html);
        QVERIFY(page.open(QIODevice::ReadOnly));
        const QByteArray bytes = page.readAll();
        for (const char* must : {"<!DOCTYPE html>", "<svg", "vol-report-1", "Pinned ens192", "srv-7"})
            QVERIFY2(bytes.contains(must), must);
        QVERIFY(!bytes.contains("http://") && !bytes.contains("https://"));

        const QString json = m_home.filePath(u"report-vm.json"_s);
        detail->saveReport(json);
        QTRY_COMPARE(saved.count(), 2);
        QFile data(json);
        QVERIFY(data.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(data.readAll()).object();
        QCOMPARE(doc.value(u"resources"_s).toArray().first().toObject().value(u"id"_s).toString(), u"vol-report-1"_s);

        const QString bad = m_home.filePath(u"missing-dir/report.html"_s);
        detail->saveReport(bad);
        QTRY_COMPARE(saved.count(), 3);
        QVERIFY(saved.last().at(1).toString().contains(bad));
        QVERIFY(result->text().contains(u"Cannot write the report"));
        QVERIFY(!QFile::exists(bad));
    }

    // A failed job that kept its converted disks offers to discard them, like `xms migration discard`.
    void discardConvertedDisks()
    {
        JobStore store = jobs();
        auto job = store.create(spec(QStringLiteral("kept-vm")));
        XMS_VERIFY_OK(job);
        const QString dir = QDir(m_home.path()).filePath(u"staging/"_s + job->id);
        QVERIFY(QDir().mkpath(dir));
        QFile disk(QDir(dir).filePath(u"disk-0.img"_s));
        QVERIFY(disk.open(QIODevice::WriteOnly) && disk.write(QByteArray(2 << 20, 'x')) == (2 << 20));
        disk.close();
        Checkpoint c;
        c.attempt = 1;
        c.disks = {{disk.fileName(), 2 << 20, QFileInfo(disk.fileName()).lastModified()}};
        XMS_VERIFY_OK(store.setEnded(job->id, Stage::Failed, Stage::WriteVolume, {{u"message"_s, u"Quota exceeded"_s}},
                                     Text::literal(u"Failed"_s)));
        XMS_VERIFY_OK(store.setCheckpoint(job->id, c.toJson()));

        MainWindow w;
        JobDetailView* detail = showJob(w, job->id);
        QVERIFY(detail);
        auto* discard = detail->findChild<QPushButton*>(QStringLiteral("discardStaging"));
        QTRY_VERIFY(discard->isVisible());
        answerNextQuestion(QMessageBox::No);
        QTest::mouseClick(discard, Qt::LeftButton);
        QTest::qWait(300);
        QVERIFY(QFile::exists(disk.fileName())); // "No" changes nothing
        answerNextQuestion(QMessageBox::Yes);
        QTest::mouseClick(discard, Qt::LeftButton);
        QTRY_VERIFY(!QDir(dir).exists());
        QVERIFY(store.job(job->id)->checkpoint.isEmpty());
        QTRY_VERIFY2(w.statusBar()->currentMessage().contains(u"(2.0 MB freed)"),
                     qPrintable(w.statusBar()->currentMessage()));
        QTRY_VERIFY(!discard->isVisible()); // nothing kept any more
    }

    void closingWithRunningJobsAsks()
    {
        JobStore store = jobs();
        auto job = store.create(spec(QStringLiteral("running-vm")));
        XMS_VERIFY_OK(job);
        {
            MainWindow w;
            w.show();
            QTRY_VERIFY(w.jobsModel()->record(job->id));
            w.setCloseChoiceForTesting(MainWindow::CloseChoice::Stay);
            QVERIFY(!w.close());
            QVERIFY(w.isVisible());
            w.setCloseChoiceForTesting(MainWindow::CloseChoice::KeepHeadless);
            QVERIFY(w.close());
        }
        QCOMPARE(store.job(job->id)->stage, Stage::Queued); // headless: it keeps going
        {
            // The real question: asked without blocking, the window closes once it is answered.
            MainWindow w;
            w.show();
            QTRY_VERIFY(w.jobsModel()->record(job->id));
            QVERIFY(!w.close());
            QMessageBox* box = nullptr;
            QTRY_VERIFY((box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())));
            QVERIFY2(box->text().contains(u"1 migration"), qPrintable(box->text()));
            QAbstractButton* keep = nullptr;
            for (QAbstractButton* b : box->buttons())
                keep = b->text() == MainWindow::tr("&Keep Running Headless") ? b : keep;
            QVERIFY(keep);
            keep->click();
            QTRY_VERIFY(!w.isVisible());
        }
        QCOMPARE(store.job(job->id)->stage, Stage::Queued);
        MainWindow w;
        w.show();
        QTRY_VERIFY(w.jobsModel()->record(job->id));
        w.setCloseChoiceForTesting(MainWindow::CloseChoice::CancelJobs);
        QVERIFY(w.close());
        QCOMPARE(store.job(job->id)->stage, Stage::Cancelled);
    }

    // The German catalogue is built in and chosen by locale; English needs none.
    void germanByLocale()
    {
        QVERIFY(!installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedStates)));
        QVERIFY(installTranslations(*qApp, QLocale(QLocale::German, QLocale::Austria))); // de_AT → xms_de
        MainWindow w;
        QCOMPARE(w.windowTitle(), QStringLiteral("XMS Desktop – Migrationen"));
        QCOMPARE(stageName(Stage::GuestFixes), QStringLiteral("Gastanpassungen"));
        for (QTranslator* t : qApp->findChildren<QTranslator*>())
            QCoreApplication::removeTranslator(t);
        QCOMPARE(stageName(Stage::GuestFixes), QStringLiteral("Guest Fixes"));
    }

    void watcherCoalescesToItsInterval()
    {
        JobStore store = jobs();
        auto job = store.create(spec(QStringLiteral("busy-vm")));
        XMS_VERIFY_OK(job);
        JobWatcher watcher(store);
        QSignalSpy changed(&watcher, &JobWatcher::jobsChanged);
        watcher.start();
        QTRY_VERIFY(changed.count() >= 1);
        changed.clear();
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 200; ++i) { // 200 writes in about a second
            store.setProgress(job->id, Stage::Export, {i % 100, i, 200});
            QTest::qWait(5);
        }
        const double seconds = double(clock.elapsed()) / 1000.0;
        QTest::qWait(300);
        QVERIFY2(double(changed.count()) <= seconds * 4 + 2, qPrintable(QString::number(changed.count())));
        QVERIFY(changed.count() >= 1);
        store.setEnded(job->id, Stage::Cancelled, Stage::Export, {}, Text::literal(QStringLiteral("test over")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
