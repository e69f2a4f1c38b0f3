#include "model/stage.h"

#include <QTest>

using namespace xms;

class TestStage : public QObject
{
    Q_OBJECT
private slots:
    void names_data()
    {
        QTest::addColumn<int>("stage");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("key");
        QTest::newRow("queued") << int(Stage::Queued) << "Queued"
                                << "queued";
        QTest::newRow("export") << int(Stage::Export) << "Export"
                                << "export";
        QTest::newRow("inspect") << int(Stage::Inspect) << "Inspect"
                                 << "inspect";
        QTest::newRow("guest fixes") << int(Stage::GuestFixes) << "Guest Fixes"
                                     << "guest_fixes";
        QTest::newRow("write volume") << int(Stage::WriteVolume) << "Write Volume"
                                      << "write_volume";
        QTest::newRow("finalize") << int(Stage::Finalize) << "Finalize"
                                  << "finalize";
        QTest::newRow("completed") << int(Stage::Completed) << "Completed"
                                   << "completed";
        QTest::newRow("failed") << int(Stage::Failed) << "Failed"
                                << "failed";
        QTest::newRow("cancelled") << int(Stage::Cancelled) << "Cancelled"
                                   << "cancelled";
    }
    void names()
    {
        QFETCH(int, stage);
        QFETCH(QString, name);
        QFETCH(QString, key);
        QCOMPARE(stageName(Stage(stage)), name);
        QCOMPARE(stageKey(Stage(stage)), key);
        QCOMPARE(stageFromKey(key), std::optional<Stage>(Stage(stage)));
    }
    void unknownKey() { QVERIFY(!stageFromKey(u"Guest Fixes").has_value()); }
    void workStagesInOrder()
    {
        const QList<Stage> expected {Stage::Export, Stage::Inspect, Stage::GuestFixes, Stage::WriteVolume,
                                     Stage::Finalize};
        QCOMPARE(workStages(), expected);
    }
    void terminal()
    {
        QVERIFY(isTerminal(Stage::Completed));
        QVERIFY(isTerminal(Stage::Failed));
        QVERIFY(isTerminal(Stage::Cancelled));
        QVERIFY(!isTerminal(Stage::Queued));
        QVERIFY(!isTerminal(Stage::Finalize));
    }
};

QTEST_GUILESS_MAIN(TestStage)
#include "tst_stage.moc"
