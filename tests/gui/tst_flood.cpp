// The UI stays responsive while 10 jobs report progress and one job floods 100,000 events into the shared
// store: reading happens on a pool thread, updates arrive at most 4 times a second, and the event list
// keeps only the newest rows. The measured event-loop latency is printed (and bounded).
#include "eventsmodel.h"
#include "jobdetailview.h"
#include "jobsmodel.h"
#include "mainwindow.h"
#include "migrationsview.h"
#include "services/jobwatcher.h"
#include "store/jobstore.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <atomic>

using namespace xms;
using namespace xms::ui;

class TestFlood : public QObject
{
    Q_OBJECT
    QTemporaryDir m_home; // a fresh shared store for every run

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("XMS_HOME", m_home.path().toUtf8());
    }

    void eventLoopStaysResponsive()
    {
        constexpr int kJobs = 10;
        constexpr int kEvents = 100'000;
        auto store = Store::openDefault();
        XMS_VERIFY_OK(store);
        JobStore jobs(*store);
        QStringList ids;
        for (int i = 0; i < kJobs; ++i) {
            auto job = jobs.create(QJsonObject {{QStringLiteral("vm"), QStringLiteral("flood-%1").arg(i)},
                                                {QStringLiteral("project"), QStringLiteral("infra")},
                                                {QStringLiteral("instance_name"), QStringLiteral("flood-%1").arg(i)}});
            XMS_VERIFY_OK(job);
            ids.append(job->id);
        }

        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_COMPARE(w.jobsModel()->rowCount(), kJobs);
        w.migrationsView()->selectJob(ids.first());
        QTRY_COMPARE(w.watcher()->followed(), ids.first());

        // The writer: a separate thread with its own connection, like a worker process would be.
        std::atomic_bool writing = true;
        std::atomic_int written = 0;
        QThread* writer = QThread::create([&] {
            JobStore out(*store);
            QElapsedTimer clock;
            clock.start();
            for (int n = 0; n < kEvents; ++n) {
                EventRecord e;
                e.jobId = ids.first();
                e.time = QDateTime::currentDateTimeUtc();
                e.stage = Stage::Export;
                e.name = QStringLiteral("export.progress");
                e.message = QStringLiteral("chunk %1").arg(n);
                e.data = QJsonObject {{QStringLiteral("bytes"), n * 1048576LL}};
                out.appendEvent(e);
                written = n + 1;
                if (n % 500 == 0) {
                    for (int j = 0; j < kJobs; ++j) {
                        const int pct = int(qint64(n) * 100 / kEvents);
                        out.setProgress(ids.at(j), Stage::Export, {pct, qint64(n) << 20, qint64(kEvents) << 20});
                        out.setTransfer(ids.at(j), qint64(n) << 20, qint64(kEvents) << 20, 1e8, (kEvents - n) / 100);
                    }
                }
            }
            writing = false;
        });

        // The probe: a 5 ms timer; any lateness is time the event loop was busy.
        QElapsedTimer since;
        qint64 maxLate = 0;
        QList<qint64> lates;
        QTimer probe;
        probe.setTimerType(Qt::PreciseTimer);
        probe.setInterval(5);
        connect(&probe, &QTimer::timeout, this, [&] {
            const qint64 late = since.restart() - 5;
            maxLate = qMax(maxLate, late);
            lates.append(late);
        });
        since.start();
        probe.start();
        QElapsedTimer total;
        total.start();
        writer->start();
        EventsModel* events = w.migrationsView()->detail()->events();
        QTRY_VERIFY_WITH_TIMEOUT(!writing && events->rowCount() + events->dropped() == kEvents, 600000);
        probe.stop();
        writer->wait();
        delete writer;

        std::sort(lates.begin(), lates.end());
        const qint64 p99 = lates.isEmpty() ? 0 : lates.at(qsizetype(double(lates.size()) * 0.99));
        qInfo("flood: %d jobs with progress, %d events in %lld ms; event-loop latency max %lld ms, p99 %lld ms "
              "(%lld probes); event list shows the newest %d",
              kJobs, kEvents, total.elapsed(), maxLate, p99, qint64(lates.size()), events->rowCount());
        // On an idle 2-core machine the maximum is ~30 ms; with a TCG guest conversion beside it, ~330 ms of
        // which most is the OS not scheduling this thread. A synchronous read of the store on the UI thread
        // would stall for seconds — that is what this bound catches.
        QVERIFY2(maxLate < 750, qPrintable(QStringLiteral("event loop blocked for %1 ms").arg(maxLate)));
        // The table really is live: the followed job shows the last progress written.
        QTRY_VERIFY(w.jobsModel()->record(ids.first())->progress.value(Stage::Export).percent >= 99);
        w.setCloseChoiceForTesting(MainWindow::CloseChoice::KeepHeadless);
    }

    // Selecting a job with a long history shows its newest events at once, read off the UI thread.
    void longHistoryStartsAtTheNewest()
    {
        JobStore jobs(*Store::openDefault());
        auto job = jobs.create(QJsonObject {{QStringLiteral("vm"), QStringLiteral("chatty")}});
        XMS_VERIFY_OK(job);
        EventRecord e;
        e.jobId = job->id;
        e.time = QDateTime::currentDateTimeUtc();
        e.name = QStringLiteral("export.progress");
        XMS_VERIFY_OK(jobs.store().inTransaction([&]() -> Status { // one commit for the set-up, not 30,000
            for (int n = 0; n < 30000; ++n) {
                e.message = QStringLiteral("chunk %1").arg(n);
                if (auto r = jobs.appendEvent(e); !r)
                    return std::unexpected(r.error());
            }
            return {};
        }));
        JobWatcher watcher(jobs);
        watcher.setEventBacklog(20000);
        EventsModel events;
        events.setJob(job->id);
        connect(&watcher, &JobWatcher::eventsAppended, &events,
                [&](const QString&, const QList<EventRecord>& batch) { events.append(batch); });
        watcher.follow(job->id);
        watcher.start();
        QTRY_COMPARE_WITH_TIMEOUT(events.rowCount(), 20000, 20000);
        QCOMPARE(events.event(0).message, QStringLiteral("chunk 10000"));
        QCOMPARE(events.event(events.rowCount() - 1).message, QStringLiteral("chunk 29999"));
    }
};

QTEST_MAIN(TestFlood)
#include "tst_flood.moc"
