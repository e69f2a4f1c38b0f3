// Core messages reach the user in German too: the contexts the core translates with must be the ones
// lupdate files the strings under (free tr() helpers, namespaces, classes).
#include "engine/migrationspec.h"
#include "engine/networkmap.h"
#include "engine/preflight.h"
#include "guest/guestfixesstage.h"
#include "transfer/transfererrors.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>
#include <QUrl>

using namespace xms;
using namespace Qt::StringLiterals;

class TestCoreTranslations : public QObject
{
    Q_OBJECT
    QTranslator m_german;

private slots:
    void initTestCase()
    {
        QVERIFY(m_german.load(QLocale(u"de_DE"_s), u"xms"_s, u"_"_s, u":/i18n"_s));
        QVERIFY(QCoreApplication::installTranslator(&m_german));
    }

    void networkMapErrorsAreGerman()
    {
        const auto r = parseNetworkMap(u"VM Network"_s);
        QVERIFY(!r.has_value());
        QVERIFY2(r.error().message.startsWith(u"Ungültiges --network-map"), qPrintable(r.error().message));
    }

    void preflightVerdictsAreGerman()
    {
        QCOMPARE(verdictName(Verdict::Block), u"Blockiert"_s);
        PreflightReport empty;
        QVERIFY2(!empty.summary().startsWith(u"Pass"), qPrintable(empty.summary()));
    }

    void transferErrorsAreGerman()
    {
        // A free tr() helper whose strings lupdate files under the namespace xms::transfererror.
        const QString english = QStringLiteral("The transfer was cancelled.");
        const Error e = transfererror::cancelled(QUrl(QStringLiteral("https://example/x")), 10);
        QVERIFY2(!e.message.startsWith(english), qPrintable(e.message));
    }

    void specValidationIsGerman()
    {
        MigrationSpec s;
        s.kind = u"warm"_s;
        const Status ok = s.validate();
        QVERIFY(!ok.has_value());
        QVERIFY2(!ok.error().message.startsWith(u"Only cold migration"), qPrintable(ok.error().message));
    }

    void guestFixesErrorsAreGerman()
    {
        // A free tr() helper in namespace xms (guestfixesstage.cpp).
        const Status st = checkWindowsDrivers(u"windows"_s, u"/nonexistent/virtio-win.iso"_s);
        QVERIFY(!st.has_value());
        QVERIFY2(st.error().message.startsWith(u"Als VirtIO-Treiber für Windows ist /nonexistent/virtio-win.iso"),
                 qPrintable(st.error().message));
    }
};

QTEST_GUILESS_MAIN(TestCoreTranslations)
#include "tst_coretranslations.moc"
