// The stages' narrow view of the job store: JobStoreLedger records what it is told in the job's ledger
// (with the spec's cloud and project), and LedgerCleanup works on any ResourceLedger — here a fake.
#include "engine/jobcontext.h"
#include "engine/jobstoreledger.h"
#include "engine/ledgercleanup.h"
#include "store/jobstore.h"
#include "store/store.h"
#include "testutil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace xms;
using namespace Qt::StringLiterals;

namespace {

// Entries in memory; counts what the code under test changes.
class FakeLedger : public ResourceLedger
{
public:
    QList<LedgerEntry> list;
    std::optional<Error> broken; // entries() fails with it
    int changes = 0;

    Result<qint64> record(const QString& kind, const QString& name) override
    {
        LedgerEntry e;
        e.id = list.size() + 1;
        e.kind = kind;
        e.name = name;
        e.state = u"creating"_s;
        list.append(e);
        ++changes;
        return e.id;
    }
    Status setResource(qint64 id, const QString& resourceId) override
    {
        ++changes;
        list[id - 1].resourceId = resourceId;
        return {};
    }
    Status setState(qint64 id, const QString& state) override
    {
        ++changes;
        list[id - 1].state = state;
        return {};
    }
    Result<QList<LedgerEntry>> entries() const override
    {
        if (broken)
            return std::unexpected(*broken);
        return list;
    }
};

} // namespace

class TestResourceLedger : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::optional<Store> m_store;
    std::optional<JobStore> m_jobs;

    Status cleanUp(JobContext& ctx)
    {
        test::StoreHost host(*m_jobs, ctx.jobId);
        std::optional<Status> done;
        QObject context;
        (new LedgerCleanup(
             ctx, host, [&](Status s) { done = s; }, &context))
            ->start();
        if (!QTest::qWaitFor([&] { return done.has_value(); }, 5000))
            return fail(u"test.timeout"_s, u"cleanup did not finish"_s);
        return *done;
    }

private slots:
    void init()
    {
        auto store = Store::open(
            m_dir.filePath(QStringLiteral("%1.sqlite").arg(QLatin1StringView(QTest::currentTestFunction()))));
        XMS_VERIFY_OK(store);
        m_store.emplace(*store);
        m_jobs.emplace(*store);
    }

    void jobStoreLedgerRecordsInTheJobsLedger()
    {
        const QString id = m_jobs->create({{u"vm"_s, u"web01"_s}})->id;
        JobStoreLedger ledger(*m_jobs, id, u"lab"_s, u"infra"_s);
        const auto image = ledger.record(u"image"_s, u"xms-1234-disk0-image"_s);
        XMS_VERIFY_OK(image);
        const auto volume = ledger.record(u"volume"_s, u"web01-disk0"_s);
        XMS_VERIFY_OK(volume);
        XMS_VERIFY_OK(ledger.setResource(*image, u"img-1"_s));
        XMS_VERIFY_OK(ledger.setState(*image, u"deleted"_s));

        const auto entries = ledger.entries();
        XMS_VERIFY_OK(entries);
        QCOMPARE(entries->size(), 2);
        QCOMPARE(entries->at(0).kind, u"image"_s);
        QCOMPARE(entries->at(0).resourceId, u"img-1"_s);
        QCOMPARE(entries->at(0).state, u"deleted"_s);
        QCOMPARE(entries->at(0).cloud, u"lab"_s);
        QCOMPARE(entries->at(0).project, u"infra"_s);
        QCOMPARE(entries->at(1).name, u"web01-disk0"_s);
        QVERIFY(entries->at(1).resourceId.isEmpty());
        // The same rows the store holds for the job, and no other job's.
        QCOMPARE(m_jobs->ledger(id)->size(), 2);
        const QString other = m_jobs->create({{u"vm"_s, u"db01"_s}})->id;
        QVERIFY(JobStoreLedger(*m_jobs, other, u"lab"_s, u"infra"_s).entries()->isEmpty());
    }

    // Nothing left to delete: cleanup ends without reaching the cloud and changes nothing.
    void cleanupOfAFinishedLedgerTouchesNothing()
    {
        JobContext ctx;
        ctx.jobId = m_jobs->create({{u"vm"_s, u"web01"_s}})->id;
        auto fake = std::make_unique<FakeLedger>();
        FakeLedger* ledger = fake.get();
        ledger->record(u"image"_s, u"xms-1-disk0-image"_s);
        ledger->setState(1, u"deleted"_s);
        ledger->record(u"volume"_s, u"web01-disk0"_s);
        ledger->setState(2, u"kept"_s);
        ledger->changes = 0;
        ctx.ledger = std::move(fake);
        XMS_VERIFY_OK(cleanUp(ctx));
        QCOMPARE(ledger->changes, 0);
        QVERIFY(test::eventNames(*m_jobs, ctx.jobId).isEmpty());
    }

    void cleanupReportsAnUnreadableLedger()
    {
        JobContext ctx;
        ctx.jobId = m_jobs->create({{u"vm"_s, u"web01"_s}})->id;
        auto fake = std::make_unique<FakeLedger>();
        fake->broken = Error::make(u"store.io"_s, u"disk I/O error"_s);
        ctx.ledger = std::move(fake);
        const Status s = cleanUp(ctx);
        QVERIFY(!s);
        QCOMPARE(s.error().code, u"cleanup.incomplete"_s);
        QVERIFY(s.error().message.contains(u"disk I/O error"));
    }
};

QTEST_GUILESS_MAIN(TestResourceLedger)
#include "tst_resourceledger.moc"
