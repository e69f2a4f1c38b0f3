// The converted disks a failed job keeps for a retry: discarded on request (and refused when there is
// nothing to discard or the job has not ended), swept after the configured days, and never more than the
// job's own staging directory.
#include "engine/checkpoint.h"
#include "engine/keptstaging.h"
#include "store/jobstore.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace xms;
using namespace Qt::StringLiterals;

class TestKeptStaging : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::optional<Store> m_store;
    std::optional<JobStore> m_jobs;

    QString writeDisk(const QString& dir, const QString& name, qint64 bytes)
    {
        QDir().mkpath(dir);
        const QString path = QDir(dir).filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(QByteArray(bytes, 'x')) != bytes)
            return {};
        return path;
    }

    // A job that failed after Guest Fixes `daysAgo` days ago, keeping `disks`.
    QString failedJob(const QStringList& disks, int daysAgo = 0)
    {
        auto job = m_jobs->create({{u"vm"_s, u"lab-debian-bios"_s}});
        if (!job)
            return {};
        Checkpoint c;
        c.attempt = 1;
        for (const QString& d : disks)
            c.disks.append({d, QFileInfo(d).size(), QFileInfo(d).lastModified()});
        m_jobs->setEnded(job->id, Stage::Failed, Stage::WriteVolume, {{u"code"_s, u"xloud.quota"_s}},
                         Text::literal(u"Failed"_s));
        m_jobs->setCheckpoint(job->id, c.toJson());
        QSqlQuery q(test::rawSqlite(m_store->path()));
        q.prepare(u"UPDATE jobs SET finished_at = ? WHERE id = ?"_s);
        q.addBindValue(QDateTime::currentDateTimeUtc().addDays(-daysAgo).toString(Qt::ISODateWithMs));
        q.addBindValue(job->id);
        return q.exec() ? job->id : QString();
    }

    QString stagingOf(const QString& id) const { return m_dir.filePath(u"staging/"_s + id); }

    QStringList eventNames(const QString& id) const { return test::eventNames(*m_jobs, id); }

private slots:
    void init()
    {
        auto store = Store::open(
            m_dir.filePath(QStringLiteral("%1.sqlite").arg(QLatin1StringView(QTest::currentTestFunction()))));
        XMS_VERIFY_OK(store);
        m_store.emplace(*store);
        m_jobs.emplace(*store);
    }

    void discardRemovesTheJobsStagingAndCheckpoint()
    {
        const QString id = failedJob({});
        QVERIFY(!id.isEmpty());
        const QString disk0 = writeDisk(stagingOf(id), u"disk-0.img"_s, 3 << 20);
        const QString disk1 = writeDisk(stagingOf(id), u"disk-1.img"_s, 1 << 20);
        writeDisk(stagingOf(id), u"guest-fixes.log"_s, 100);
        Checkpoint c;
        c.disks
            = {{disk0, 3 << 20, QFileInfo(disk0).lastModified()}, {disk1, 1 << 20, QFileInfo(disk1).lastModified()}};
        QVERIFY(m_jobs->setCheckpoint(id, c.toJson()));

        const auto freed = discardKeptStaging(*m_jobs, id.left(8));
        XMS_VERIFY_OK(freed);
        QCOMPARE(*freed, qint64(4 << 20));
        QVERIFY(!QDir(stagingOf(id)).exists());
        QVERIFY(m_jobs->job(id)->checkpoint.isEmpty());
        const auto events = m_jobs->events(id).value();
        QCOMPARE(events.last().name, u"staging.discarded"_s);
        QCOMPARE(events.last().message,
                 u"The operator discarded the converted disks; 4 MiB freed. A retry starts from Export."_s);
        QCOMPARE(events.last().data.value(u"bytes").toInteger(), qint64(4 << 20));

        // Twice: nothing left, said so, nothing changes.
        const auto again = discardKeptStaging(*m_jobs, id, u"again"_s);
        QVERIFY(!again.has_value());
        QCOMPARE(again.error().code, u"usage.nothing_kept"_s);
        QVERIFY(again.error().message.contains(u"keeps no converted disks"));
        QCOMPARE(eventNames(id).count(u"staging.discarded"_s), 1);
    }

    void aJobThatHasNotEndedIsRefused()
    {
        auto job = m_jobs->create({{u"vm"_s, u"lab-debian-bios"_s}});
        XMS_VERIFY_OK(job);
        const QString disk = writeDisk(stagingOf(job->id), u"disk-0.img"_s, 4096);
        Checkpoint c;
        c.disks = {{disk, 4096, QFileInfo(disk).lastModified()}};
        QVERIFY(m_jobs->setCheckpoint(job->id, c.toJson())); // a retry about to resume
        const auto r = discardKeptStaging(*m_jobs, job->id, u"x"_s);
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, u"usage.job_not_ended"_s);
        QVERIFY2(r.error().message.contains(u"is Queued"), qPrintable(r.error().message));
        QVERIFY(QFile::exists(disk));
        QVERIFY(!m_jobs->job(job->id)->checkpoint.isEmpty());
    }

    // A checkpoint pointing outside the job's own directory removes only the listed image.
    void onlyTheJobsOwnDirectoryGoesWhole()
    {
        const QString shared = m_dir.filePath(u"shared"_s);
        const QString disk = writeDisk(shared, u"disk-0.img"_s, 8192);
        const QString other = writeDisk(shared, u"someone-elses.img"_s, 10);
        const QString id = failedJob({disk});
        QVERIFY(!id.isEmpty());
        XMS_VERIFY_OK(discardKeptStaging(*m_jobs, id, u"x"_s));
        QVERIFY(!QFile::exists(disk));
        QVERIFY(QFile::exists(other));
    }

    void sweepDiscardsOnlyWhatIsOlderThanTheLimit()
    {
        const QString oldId = failedJob({}, 10);
        const QString oldDisk = writeDisk(stagingOf(oldId), u"disk-0.img"_s, 1 << 20);
        Checkpoint c;
        c.disks = {{oldDisk, 1 << 20, QFileInfo(oldDisk).lastModified()}};
        QVERIFY(m_jobs->setCheckpoint(oldId, c.toJson()));
        const QString recentDisk = writeDisk(m_dir.filePath(u"staging/recent"_s), u"disk-0.img"_s, 1 << 20);
        const QString recentId = failedJob({recentDisk}, 1);

        QCOMPARE(sweepKeptStaging(*m_jobs, 0), 0); // 0: kept until discarded
        QVERIFY(QFile::exists(oldDisk));
        QCOMPARE(sweepKeptStaging(*m_jobs, 7), 1);
        QVERIFY(!QDir(stagingOf(oldId)).exists());
        QVERIFY(m_jobs->job(oldId)->checkpoint.isEmpty());
        const auto events = m_jobs->events(oldId).value();
        QVERIFY2(events.last().message.startsWith(
                     u"The converted disks kept for a retry were unused for 7 day(s) and are discarded; 1 MiB freed"_s),
                 qPrintable(events.last().message));
        QVERIFY(QFile::exists(recentDisk));
        QVERIFY(!m_jobs->job(recentId)->checkpoint.isEmpty());
        QCOMPARE(sweepKeptStaging(*m_jobs, 7), 0); // nothing more
    }
};

QTEST_GUILESS_MAIN(TestKeptStaging)
#include "tst_keptstaging.moc"
