// Keeps the SOAP fuzz entry point (tests/fuzz/fuzz_soap.cpp) compiling and working in every build: replays
// the seed corpus (data/*.xml, the responses the other tests use) and thousands of deterministic mutations
// of it. The entry point aborts on any broken parser promise, which fails this test.
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <random>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

class TestFuzzSoapReplay : public QObject
{
    Q_OBJECT
    QList<QByteArray> m_seeds;
    int m_runs = 0;

    void replay(const QByteArray& input)
    {
        ++m_runs;
        QCOMPARE(LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.constData()), size_t(input.size())), 0);
    }

private slots:
    void initTestCase()
    {
        const QDir data(QStringLiteral(XMS_SOURCE_DIR "/tests/unit/vsphere/data"));
        for (const QFileInfo& fi : data.entryInfoList({QStringLiteral("*.xml")}, QDir::Files, QDir::Name)) {
            QFile f(fi.filePath());
            QVERIFY(f.open(QIODevice::ReadOnly));
            m_seeds.append(f.readAll());
        }
        QVERIFY(m_seeds.size() >= 7);
    }

    void seeds()
    {
        for (const QByteArray& s : m_seeds)
            replay(s);
    }

    void truncations()
    {
        for (const QByteArray& s : m_seeds) {
            for (qsizetype cut = 0; cut < s.size(); cut += qMax<qsizetype>(1, s.size() / 97))
                replay(s.left(cut));
        }
    }

    void byteFlipsAndSplices()
    {
        std::mt19937 rng(20240501); // deterministic: a failure reproduces
        for (int round = 0; round < 20000; ++round) {
            QByteArray s = m_seeds[rng() % m_seeds.size()];
            const int edits = 1 + int(rng() % 8);
            for (int e = 0; e < edits && !s.isEmpty(); ++e) {
                const qsizetype at = qsizetype(rng() % quint32(s.size()));
                switch (rng() % 4) {
                case 0:
                    s[at] = char(rng());
                    break; // flip a byte
                case 1:
                    s.remove(at, qsizetype(rng() % 64));
                    break;
                case 2:
                    s.insert(at, s.mid(qsizetype(rng() % quint32(s.size())), qsizetype(rng() % 200)));
                    break;
                case 3: { // splice in part of another response
                    const QByteArray& o = m_seeds[rng() % m_seeds.size()];
                    s.insert(at, o.mid(qsizetype(rng() % quint32(o.size())), qsizetype(rng() % 400)));
                    break;
                }
                }
            }
            replay(s);
        }
    }

    void extremeNumbers()
    {
        // Every number in the inventory replaced by values that overflow naive arithmetic.
        static const QRegularExpression number(QStringLiteral(">(-?\\d+)<"));
        for (const char* n : {"9223372036854775807", "-9223372036854775808", "18446744073709551615",
                              "99999999999999999999", "-1", "0"}) {
            for (const QByteArray& s : m_seeds) {
                QString text = QString::fromUtf8(s);
                text.replace(number, u'>' + QLatin1StringView(n) + u'<');
                replay(text.toUtf8());
            }
        }
        qInfo("%d inputs replayed", m_runs);
    }
};

QTEST_GUILESS_MAIN(TestFuzzSoapReplay)
#include "tst_fuzzsoapreplay.moc"
