// The desktop watching a PostgreSQL job store that workers on three hosts write to (issue 16): every
// host's job appears with its host, live progress arrives within the watcher's interval (measured), and
// Settings ▸ Job Store shows the shared store and connects to it. Needs the lab's PostgreSQL.
#include "jobsmodel.h"
#include "mainwindow.h"
#include "settings/jobstoretab.h"
#include "store/jobstore.h"
#include "teststore.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace xms;
using namespace xms::ui;
using namespace Qt::StringLiterals;

class TestSharedStore : public QObject
{
    Q_OBJECT
    QTemporaryDir m_credentials;
    std::optional<JobStore> m_jobs;
    QString m_url;

    int rowOf(JobsModel* m, const QString& id) const
    {
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r, 0).data(JobsModel::JobIdRole).toString() == id)
                return r;
        return -1;
    }

private slots:
    void initTestCase()
    {
        auto where = test::freshPostgresLocation(u"sharedstore"_s);
        XMS_VERIFY_OK(where);
        m_url = where->display();
        QFile pw(m_credentials.filePath(u"xms-store-password"_s));
        QVERIFY(pw.open(QIODevice::WriteOnly));
        pw.write(test::storePassword(*where).toUtf8());
        pw.close();
        // What a desktop on a fourth machine is given: the URL, and the password as a credential.
        qputenv("XMS_STORE", m_url.toUtf8());
        qputenv("CREDENTIALS_DIRECTORY", m_credentials.path().toUtf8());
        auto store = Store::open(*where, test::storePassword(*where));
        XMS_VERIFY_OK(store);
        m_jobs.emplace(*store);
    }

    void jobsOfEveryHostAppearLive()
    {
        // Three hosts claim a job each, as their workers would.
        QMap<QString, JobLease> leases;
        for (const char* host : {"host-a", "host-b", "host-c"}) {
            const QString name = QString::fromLatin1(host);
            const QJsonObject spec {{u"source"_s, u"lab"_s}, {u"vm"_s, QString(u"vm-on-"_s + name)}, {u"project"_s, u"infra"_s}};
            auto j = m_jobs->create(spec);
            XMS_VERIFY_OK(j);
            qputenv("XMS_HOST_NAME", host);
            auto lease = m_jobs->claimNext(u"worker-"_s + name, 60);
            XMS_VERIFY_OK(lease);
            QVERIFY(lease->has_value());
            XMS_VERIFY_OK(m_jobs->setStage(**lease, Stage::Export, Text::literal(u"Exporting"_s)));
            leases.insert(name, **lease);
        }
        qunsetenv("XMS_HOST_NAME");

        MainWindow w;
        w.show();
        QVERIFY2(w.statusBar()->currentMessage().contains(m_url), qPrintable(w.statusBar()->currentMessage()));
        JobsModel* model = w.jobsModel();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 5000);
        QSet<QString> hosts;
        for (auto it = leases.cbegin(); it != leases.cend(); ++it) {
            const int row = rowOf(model, it->jobId);
            QVERIFY(row >= 0);
            QCOMPARE(model->index(row, JobsModel::Host).data().toString(), it.key());
            QCOMPARE(model->index(row, JobsModel::Stage).data().toString(), u"Export"_s);
            hosts.insert(model->index(row, JobsModel::Host).data().toString());
        }
        QCOMPARE(hosts.size(), 3);

        // Latency: from a worker's progress write on "host-b" to the table showing it.
        const JobLease b = leases.value(u"host-b"_s);
        QList<qint64> latencies;
        for (int pct = 20; pct <= 100; pct += 20) {
            QElapsedTimer t;
            t.start();
            XMS_VERIFY_OK(m_jobs->setProgress(b, Stage::Export, {pct, pct, 100}));
            const int row = rowOf(model, b.jobId);
            QTRY_VERIFY_WITH_TIMEOUT(model->index(row, JobsModel::Progress).data().toInt() == pct / 5, 3000);
            latencies << t.elapsed();
        }
        std::sort(latencies.begin(), latencies.end());
        qInfo() << "PostgreSQL store → desktop table latency (ms), sorted:" << latencies;
        QVERIFY2(latencies.last() < 2000, "the desktop does not follow the shared store live");
    }

    void settingsShowTheSharedStore()
    {
        JobStoreTab tab;
        QCOMPARE(tab.urlEdit()->text(), m_url);
        QVERIFY(tab.statusLabel()->text().contains(u"XMS_STORE")); // says the environment wins
        QSignalSpy tested(&tab, &JobStoreTab::tested);
        QMetaObject::invokeMethod(&tab, [&tab] {
            for (QPushButton* b : tab.findChildren<QPushButton*>())
                if (b->text().contains(u"Test"))
                    b->click();
        });
        QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 1, 15000);
        QVERIFY2(tested.first().first().toBool(), qPrintable(tab.statusLabel()->text()));
        QVERIFY2(tab.statusLabel()->text().contains(u"Connected"), qPrintable(tab.statusLabel()->text()));

        tab.urlEdit()->setText(u"postgresql://xms@127.0.0.1:1/nothing"_s); // nothing listens on port 1
        QMetaObject::invokeMethod(&tab, [&tab] {
            for (QPushButton* b : tab.findChildren<QPushButton*>())
                if (b->text().contains(u"Test"))
                    b->click();
        });
        QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 2, 15000);
        QCOMPARE(tested.last().first().toBool(), false);
        QVERIFY2(tab.statusLabel()->text().contains(u"Cannot reach"), qPrintable(tab.statusLabel()->text()));
    }
};

QTEST_MAIN(TestSharedStore)
#include "tst_sharedstore.moc"
