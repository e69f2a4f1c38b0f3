#pragma once

#include "common/error.h"
#include "services/migrationreport.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>
#include <functional>
#include <optional>

namespace xms {

// A MigrationReport rendered for people or programs. Text and HTML show the same sections in the same
// words (tables()); they differ only in layout — HTML adds the stage timeline as an inline SVG chart and
// is self-contained (no network: inline CSS, no scripts, fonts or images) and readable printed. JSON is
// the typed report itself, snake_case, for scripts.
class ReportRenderer
{
    Q_DECLARE_TR_FUNCTIONS(ReportRenderer)

public:
    enum class Format { Text, Json, Html };
    static std::optional<Format> formatFromKey(QStringView key); // "text", "json", "html"
    static QString fileFilter(Format format); // for a save dialog: "HTML report (*.html)"
    static Format formatForFile(const QString& path); // by its suffix: .json, .txt; HTML otherwise

    // One section: a titled table (or, when keyValue, label/value rows), in this process's language.
    struct Table
    {
        QString id; // "timeline", stable: the HTML's section id
        QString title;
        QStringList headers;
        QList<QStringList> rows;
        QStringList rowClasses; // per row: "ok", "bad", "warn" or empty (HTML colours them)
        QString empty; // what to say when there are no rows
        bool keyValue = false;

        static Table grid(QString id, QString title, QStringList headers, QString empty);
        static Table pairs(QString id, QString title, QString empty = {}); // label/value rows
        void add(QStringList row, const QString& rowClass = {});
    };
    static QList<Table> tables(const MigrationReport& report);

    static QString text(const MigrationReport& report);
    static QJsonObject json(const MigrationReport& report);
    static QString html(const MigrationReport& report);
    static QByteArray render(const MigrationReport& report, Format format);

    // Renders and writes to `path` atomically: on any error ("io.write") nothing is left at path.
    static Status save(const MigrationReport& report, Format format, const QString& path);
    // The job's report from the store, rendered and saved: what the CLI's --file and Save Report… do.
    static Status save(const JobStore& jobs, const QString& jobId, Format format, const QString& path);
    // The same off the calling thread (a long event log takes a while to render); done runs on context's
    // thread, unless context is gone by then.
    static void saveInBackground(const JobStore& jobs, const QString& jobId, Format format, const QString& path,
                                 QObject* context, std::function<void(const Status&)> done);

private:
    static QString timelineSvg(const MigrationReport& report);
};

} // namespace xms
