#include "common/text.h"
#include "i18n.h"
#include "model/stage.h"
#include "store/jobstore.h"
#include "testutil.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace xms;

// A Text is rendered by whoever reads it, in the reader's language: these tests switch the process's
// language between making a text (or storing it) and reading it.
class TestText : public QObject
{
    Q_OBJECT
private:
    QList<QTranslator*> installed() const { return QCoreApplication::instance()->findChildren<QTranslator*>(); }
    void german() { QVERIFY(installTranslations(*QCoreApplication::instance(), QLocale(QLocale::German))); }
    void english()
    {
        for (QTranslator* t : installed()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    static Text started() { return Text::translate("xms::JobRunner", "Migration of %1 started (attempt %2)"); }

private slots:
    void cleanup() { english(); }

    void rendersInTheReadersLanguage()
    {
        const Text t = started().arg(QStringLiteral("web-01")).arg(2); // made while the process is English
        QCOMPARE(t.toString(), QStringLiteral("Migration of web-01 started (attempt 2)"));
        german();
        QCOMPARE(t.toString(), QStringLiteral("Migration von web-01 gestartet (Versuch 2)"));
        QCOMPARE(t.toSourceString(), QStringLiteral("Migration of web-01 started (attempt 2)"));
    }

    void nestedTextsAndLiterals()
    {
        const Text t = Text::translate("xms::JobRunner", "Cancelled during %1").arg(stageText(Stage::GuestFixes));
        QCOMPARE(t.toString(), QStringLiteral("Cancelled during Guest Fixes"));
        german();
        QCOMPARE(t.toString(), QStringLiteral("Während Gastanpassungen abgebrochen"));
        QCOMPARE(Text::literal(QStringLiteral("Quota exceeded")).toString(), QStringLiteral("Quota exceeded"));
    }

    void argumentsAreSubstitutedOnce()
    {
        // As QString::arg(a, b): an argument's own "%1" is left alone, and markers are filled lowest first.
        const Text t
            = Text::literal(QStringLiteral("%2 then %1")).arg(QStringLiteral("100%1")).arg(QStringLiteral("b"));
        QCOMPARE(t.toString(), QStringLiteral("b then 100%1"));
        QCOMPARE(Text::literal(QStringLiteral("%1 %: %2 MiB")).arg(42).arg(qint64(7) << 40).toString(),
                 QStringLiteral("42 %: 7696581394432 MiB"));
    }

    void pluralWithoutCatalogue()
    {
        const Text t = Text::translate("xms::ExportStageRunner", "%n disk(s) staged in %1 s", nullptr, 3).arg(12);
        QCOMPARE(t.toSourceString(), QStringLiteral("3 disk(s) staged in 12 s"));
        QCOMPARE(t.toString(), QStringLiteral("3 disk(s) staged in 12 s"));
    }

    void jsonRoundTrip()
    {
        const Text t = started().arg(Text::literal(QStringLiteral("db-7"))).arg(1);
        QCOMPARE(Text::fromJson(t.toJson()), t);
        QVERIFY(Text::literal(QStringLiteral("plain")).toJson().isString()); // literals stay readable
        QCOMPARE(Text::fromJson(t.toJson()).toString(), t.toString());
    }

    void storeRendersWhenRead()
    {
        // A worker (English) writes an event and a status; a German reader of the same rows sees German.
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath(QStringLiteral("xms.sqlite")));
        XMS_VERIFY_OK(store);
        JobStore jobs(*store);
        auto job = jobs.create({});
        XMS_VERIFY_OK(job);
        EventRecord e;
        e.jobId = job->id;
        e.name = QStringLiteral("job.started");
        e.text = started().arg(QStringLiteral("web-01")).arg(1);
        XMS_VERIFY_OK(jobs.appendEvent(e));
        XMS_VERIFY_OK(jobs.setStage(job->id, Stage::GuestFixes, stageText(Stage::GuestFixes)));
        QCOMPARE(jobs.events(job->id)->at(0).message, QStringLiteral("Migration of web-01 started (attempt 1)"));

        german();
        const auto events = jobs.events(job->id);
        XMS_VERIFY_OK(events);
        QCOMPARE(events->at(0).message, QStringLiteral("Migration von web-01 gestartet (Versuch 1)"));
        QCOMPARE(jobs.job(job->id)->statusText, QStringLiteral("Gastanpassungen"));
        // The stored English stays for tools that read the database directly.
        QSqlQuery q(test::rawSqlite(store->path()));
        QVERIFY(q.exec(QStringLiteral("SELECT message FROM events")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("Migration of web-01 started (attempt 1)"));
    }

    void oldRowsKeepTheirMessage()
    {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath(QStringLiteral("xms.sqlite")));
        XMS_VERIFY_OK(store);
        JobStore jobs(*store);
        auto job = jobs.create({});
        EventRecord e;
        e.jobId = job->id;
        e.name = QStringLiteral("export.progress");
        e.message = QStringLiteral("written before texts were stored");
        XMS_VERIFY_OK(jobs.appendEvent(e));
        german();
        QCOMPARE(jobs.events(job->id)->at(0).message, QStringLiteral("written before texts were stored"));
    }
};

QTEST_GUILESS_MAIN(TestText)
#include "tst_text.moc"
