// The per-host export limit: slots are counted per key, released ones are reused, hosts are independent.
#include "engine/exportgate.h"

#include <QTest>

using namespace xms;
using namespace Qt::StringLiterals;

class TestExportGate : public QObject
{
    Q_OBJECT

private slots:
    void limitsPerHost()
    {
        ExportGate& gate = ExportGate::instance();
        QVERIFY(gate.tryAcquire(u"vc/esx1"_s, 2));
        QVERIFY(gate.tryAcquire(u"vc/esx1"_s, 2));
        QVERIFY(!gate.tryAcquire(u"vc/esx1"_s, 2)); // a third export waits
        QVERIFY(gate.tryAcquire(u"vc/esx2"_s, 2)); // another host is not affected
        QCOMPARE(gate.running(u"vc/esx1"_s), 2);
        gate.release(u"vc/esx1"_s);
        QVERIFY(gate.tryAcquire(u"vc/esx1"_s, 2));
        gate.release(u"vc/esx1"_s);
        gate.release(u"vc/esx1"_s);
        gate.release(u"vc/esx2"_s);
        QCOMPARE(gate.running(u"vc/esx1"_s), 0);
    }

    void aLimitBelowOneStillLetsOneRun()
    {
        ExportGate& gate = ExportGate::instance();
        QVERIFY(gate.tryAcquire(u"h"_s, 0));
        QVERIFY(!gate.tryAcquire(u"h"_s, 0));
        gate.release(u"h"_s);
    }
};

QTEST_GUILESS_MAIN(TestExportGate)
#include "tst_exportgate.moc"
