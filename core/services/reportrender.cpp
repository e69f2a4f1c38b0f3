#include "reportrender.h"

#include "common/errorcodes.h"
#include "services/storereader.h"
#include "store/jobstore.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

namespace xms {

std::optional<ReportRenderer::Format> ReportRenderer::formatFromKey(QStringView key)
{
    if (key == u"text")
        return Format::Text;
    if (key == u"json")
        return Format::Json;
    if (key == u"html")
        return Format::Html;
    return std::nullopt;
}

QString ReportRenderer::fileFilter(Format format)
{
    switch (format) {
    case Format::Html:
        return tr("HTML report (*.html *.htm)");
    case Format::Json:
        return tr("JSON report (*.json)");
    case Format::Text:
        break;
    }
    return tr("Text report (*.txt)");
}

ReportRenderer::Format ReportRenderer::formatForFile(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"json")
        return Format::Json;
    if (suffix == u"txt" || suffix == u"text")
        return Format::Text;
    return Format::Html;
}

QByteArray ReportRenderer::render(const MigrationReport& report, Format format)
{
    switch (format) {
    case Format::Json:
        return QJsonDocument(json(report)).toJson(QJsonDocument::Indented);
    case Format::Html:
        return html(report).toUtf8();
    case Format::Text:
        break;
    }
    return text(report).toUtf8();
}

Status ReportRenderer::save(const MigrationReport& report, Format format, const QString& path)
{
    // QSaveFile writes beside the target and renames at commit: a failed write leaves nothing behind.
    QSaveFile file(path);
    const QByteArray bytes = render(report, format);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(errc::kIoWrite, tr("Cannot write the report to %1. Choose a folder you can write to.").arg(path),
                    file.errorString());
    return {};
}

Status ReportRenderer::save(const JobStore& jobs, const QString& jobId, Format format, const QString& path)
{
    auto report = MigrationReport::load(jobs, jobId);
    if (!report)
        return std::unexpected(report.error());
    return save(*report, format, path);
}

void ReportRenderer::saveInBackground(const JobStore& jobs, const QString& jobId, Format format, const QString& path,
                                      QObject* context, std::function<void(const Status&)> done)
{
    QtConcurrent::run(storeReaderPool(), [jobs, jobId, format, path] {
        return save(jobs, jobId, format, path);
    }).then(context, [done = std::move(done)](const Status& saved) { done(saved); });
}

} // namespace xms
