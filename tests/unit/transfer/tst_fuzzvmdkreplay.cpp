#include "transfer/streamdecoder.h"
#include "transfertestutil.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <random>

using namespace xms;
using namespace xms::test;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

// Keeps the fuzz entry point (tests/fuzz/fuzz_vmdk.cpp) compiling and working in every build: replays
// the generated seed corpus and thousands of deterministic mutations of it. The entry point aborts on
// any broken decoder contract, which fails this test.
class TestFuzzVmdkReplay : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QList<QByteArray> m_seeds;
    QStringList m_names;

    int replay(const QByteArray& input)
    {
        return LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.constData()), size_t(input.size()));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString err = run(u"bash"_s, {QStringLiteral(XMS_SOURCE_DIR "/tests/fuzz/make-corpus.sh"), m_dir.path()});
        QVERIFY2(err.isEmpty(), qPrintable(err));
        for (const QFileInfo& fi : QDir(m_dir.path()).entryInfoList(QDir::Files, QDir::Name)) {
            QFile f(fi.filePath());
            QVERIFY(f.open(QIODevice::ReadOnly));
            m_seeds.append(f.readAll());
            m_names.append(fi.fileName());
        }
        QVERIFY(m_seeds.size() >= 7);
    }

    // The seeds are what they claim: the streams decode, the refused formats are refused.
    void seedsAreValid()
    {
        for (qsizetype i = 0; i < m_seeds.size(); ++i) {
            MemorySink sink;
            auto decoder = StreamDecoder::create(sink);
            auto st = decoder->feed(m_seeds[i]);
            if (st)
                st = decoder->finish();
            const bool refused = m_names[i].contains(u"head"_s);
            QVERIFY2(st.has_value() != refused, qPrintable(m_names[i]));
            QCOMPARE(replay(m_seeds[i]), 0);
        }
    }

    void mutationsKeepTheContract()
    {
        std::mt19937 rng(20240601);
        int runs = 0;
        for (const QByteArray& seed : std::as_const(m_seeds)) {
            for (qsizetype cut = 0; cut < seed.size(); cut += 1 + seed.size() / 64) {
                QCOMPARE(replay(seed.left(cut)), 0);
                ++runs;
            }
            for (int i = 0; i < 2000; ++i) {
                QByteArray m = seed;
                const int edits = 1 + int(rng() % 4);
                for (int e = 0; e < edits && !m.isEmpty(); ++e) {
                    const qsizetype at = qsizetype(rng() % quint32(m.size()));
                    switch (rng() % 4) {
                    case 0:
                        m[at] = char(m[at] ^ (1 << (rng() % 8)));
                        break;
                    case 1:
                        m[at] = char(rng());
                        break;
                    case 2:
                        m.insert(at, char(rng()));
                        break;
                    default:
                        m.remove(at, 1 + qsizetype(rng() % 16));
                        break;
                    }
                }
                QCOMPARE(replay(m), 0);
                ++runs;
            }
        }
        qInfo() << runs << "inputs replayed";
    }
};

QTEST_GUILESS_MAIN(TestFuzzVmdkReplay)
#include "tst_fuzzvmdkreplay.moc"
