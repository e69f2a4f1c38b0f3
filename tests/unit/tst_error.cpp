#include "common/error.h"

#include <QTest>

using namespace xms;

namespace {
Result<int> half(int n)
{
    if (n % 2)
        return fail(QStringLiteral("input.odd"), QStringLiteral("Give an even number."), QString::number(n));
    return n / 2;
}
} // namespace

class TestError : public QObject
{
    Q_OBJECT
private slots:
    void valueOrError()
    {
        QCOMPARE(half(8).value(), 4);
        const auto r = half(7);
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, QStringLiteral("input.odd"));
        QVERIFY(r.error().is(u"input.odd"));
        QCOMPARE(r.error().toString(), QStringLiteral("Give an even number. (7)"));
    }
    void toStringWithoutDetail()
    {
        QCOMPARE(Error::make(QStringLiteral("x"), QStringLiteral("Plain.")).toString(), QStringLiteral("Plain."));
    }
};

QTEST_GUILESS_MAIN(TestError)
#include "tst_error.moc"
