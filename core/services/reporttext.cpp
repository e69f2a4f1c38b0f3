// The report as plain text: each section a titled, column-aligned table, for a terminal or a ticket.
#include "reportrender.h"

#include <algorithm>

namespace xms {

namespace {

void appendTable(QString& out, const ReportRenderer::Table& t)
{
    out += t.title + u'\n' + QString(t.title.size(), u'=') + u'\n';
    if (t.rows.isEmpty()) {
        out += t.empty + u"\n\n";
        return;
    }
    if (t.keyValue) {
        qsizetype width = 0;
        for (const QStringList& row : t.rows)
            width = std::max(width, row.value(0).size());
        for (const QStringList& row : t.rows)
            out += QString(row.value(0) + u':').leftJustified(width + 2) + row.value(1) + u'\n';
        out += u'\n';
        return;
    }
    // Every column but the last padded to its widest cell; the last one (often a message) runs on.
    QList<qsizetype> widths(t.headers.size(), 0);
    for (qsizetype c = 0; c < t.headers.size(); ++c) {
        widths[c] = t.headers.at(c).size();
        for (const QStringList& row : t.rows)
            widths[c] = std::max(widths[c], row.value(c).size());
    }
    const auto line = [&](const QStringList& cells) {
        QString l;
        for (qsizetype c = 0; c < t.headers.size(); ++c)
            l += c + 1 < t.headers.size() ? cells.value(c).leftJustified(widths[c] + 2) : cells.value(c);
        out += l.trimmed() + u'\n';
    };
    line(t.headers);
    for (const QStringList& row : t.rows)
        line(row);
    out += u'\n';
}

} // namespace

QString ReportRenderer::text(const MigrationReport& report)
{
    QString out = tr("XMS migration report: %1").arg(report.job.spec.value(u"vm").toString()) + u"\n\n";
    for (const Table& t : tables(report))
        appendTable(out, t);
    return out;
}

} // namespace xms
