// The report as one self-contained HTML page: inline CSS and an inline SVG chart of the stage timeline,
// nothing loaded from anywhere (it is read offline, attached to tickets, printed).
#include "common/units.h"
#include "reportrender.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace xms {

namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

// Print keeps the colours of verdicts and bars, avoids breaking a row or a heading from its table.
const char* const kStyle = R"(
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1b1b1b;
       margin: 2em auto; max-width: 1100px; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
h2 { font-size: 1.2em; margin: 1.6em 0 .4em; border-bottom: 1px solid #ccc; padding-bottom: .2em; }
p.sub { color: #555; margin-top: 0; }
table { border-collapse: collapse; width: 100%; font-size: .92em; }
th, td { text-align: left; vertical-align: top; padding: .25em .5em; border-bottom: 1px solid #e3e3e3; }
th { background: #f3f4f6; font-weight: 600; }
table.kv th { width: 14em; background: none; font-weight: 600; }
td.mono, .hash { font-family: ui-monospace, "DejaVu Sans Mono", monospace; word-break: break-all; font-size: .85em; }
tr.ok td:last-child { color: #146c2e; font-weight: 600; }
tr.warn td { background: #fff8e1; }
tr.bad td { background: #fdecea; color: #8a1c1c; }
p.empty { color: #666; font-style: italic; }
svg { max-width: 100%; height: auto; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, svg { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)";

const char* const kStageColours[] = {"#4e79a7", "#59a14f", "#f28e2b", "#b07aa1", "#76b7b2"};

void appendTable(QString& out, const ReportRenderer::Table& t)
{
    if (t.rows.isEmpty()) {
        out += u"<p class=\"empty\">" + esc(t.empty) + u"</p>\n";
        return;
    }
    const bool hashes = t.id == u"integrity";
    out += t.keyValue ? u"<table class=\"kv\">\n"_s : u"<table>\n"_s;
    if (!t.keyValue) {
        out += u"<thead><tr>"_s;
        for (const QString& h : t.headers)
            out += u"<th>" + esc(h) + u"</th>";
        out += u"</tr></thead>\n"_s;
    }
    out += u"<tbody>\n"_s;
    for (qsizetype r = 0; r < t.rows.size(); ++r) {
        const QString cls = t.rowClasses.value(r);
        out += cls.isEmpty() ? u"<tr>"_s : u"<tr class=\"" + cls + u"\">";
        const QStringList& row = t.rows.at(r);
        for (qsizetype c = 0; c < row.size(); ++c) {
            const bool head = t.keyValue && c == 0;
            const bool mono = hashes && c > 0 && c < row.size() - 1;
            out += (head       ? u"<th>"_s
                        : mono ? u"<td class=\"mono\">"_s
                               : u"<td>"_s)
                + esc(row.at(c)) + (head ? u"</th>"_s : u"</td>"_s);
        }
        out += u"</tr>\n"_s;
    }
    out += u"</tbody></table>\n"_s;
}

} // namespace

// A bar per stage that ran, on one time axis from the first stage's start to the last one's end.
QString ReportRenderer::timelineSvg(const MigrationReport& r)
{
    QDateTime first, last;
    int ran = 0;
    for (const MigrationReport::StageSpan& s : r.timeline) {
        if (!s.ran())
            continue;
        ++ran;
        if (!first.isValid() || s.start < first)
            first = s.start;
        if (!last.isValid() || s.end > last)
            last = s.end;
    }
    if (ran == 0)
        return {};
    constexpr int kWidth = 900, kLabel = 110, kRight = 20, kRow = 30, kTop = 10, kAxis = 30;
    const int plot = kWidth - kLabel - kRight;
    const int height = kTop + int(r.timeline.size()) * kRow + kAxis;
    const double total = std::max<qint64>(1, first.msecsTo(last));
    const auto x = [&](const QDateTime& t) { return kLabel + double(first.msecsTo(t)) / total * plot; };
    const QLocale c = QLocale::c();
    QString svg = QStringLiteral("<svg viewBox=\"0 0 %1 %2\" width=\"%1\" height=\"%2\" role=\"img\" "
                                 "aria-labelledby=\"timeline-title\">\n<title id=\"timeline-title\">%3</title>\n"
                                 // Its own style: the chart stays readable when copied out of the page.
                                 "<style>text { font: 12px system-ui, sans-serif; fill: #1b1b1b; } "
                                 ".axis { stroke: #999; } .grid { stroke: #e3e3e3; }</style>\n")
                      .arg(kWidth)
                      .arg(height)
                      .arg(esc(tr("Stage timeline: %1 in all").arg(formatDuration(qint64(total / 1000)))));
    for (int i = 0; i <= 4; ++i) { // grid and time axis: 0, ¼, ½, ¾, all
        const double gx = kLabel + plot * i / 4.0;
        svg += QStringLiteral("<line class=\"grid\" x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\"/>\n")
                   .arg(c.toString(gx, 'f', 1))
                   .arg(kTop)
                   .arg(height - kAxis);
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"%3\">%4</text>\n")
                   .arg(c.toString(gx, 'f', 1))
                   .arg(height - kAxis + 18)
                   .arg(i == 0       ? u"start"_s
                            : i == 4 ? u"end"_s
                                     : u"middle"_s)
                   .arg(esc(formatDuration(qint64(total / 1000 * i / 4))));
    }
    svg += QStringLiteral("<line class=\"axis\" x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\"/>\n")
               .arg(kLabel)
               .arg(height - kAxis)
               .arg(kLabel + plot);
    for (qsizetype i = 0; i < r.timeline.size(); ++i) {
        const MigrationReport::StageSpan& s = r.timeline.at(i);
        const int y = kTop + int(i) * kRow;
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"end\">%3</text>\n")
                   .arg(kLabel - 8)
                   .arg(y + 19)
                   .arg(esc(stageName(s.stage)));
        if (!s.ran())
            continue;
        const double bx = x(s.start);
        const double bw = std::max(2.0, x(s.end) - bx);
        QString label = formatDuration(s.seconds());
        if (s.bytes > 0)
            label += u" · " + formatBytes(s.bytes);
        if (const double rate = s.bytesPerSecond(); rate > 0)
            label += u" · " + tr("%1/s").arg(formatBytes(qint64(rate)));
        svg += QStringLiteral(
                   "<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"20\" rx=\"3\" fill=\"%4\"><title>%5</title>"
                   "</rect>\n")
                   .arg(c.toString(bx, 'f', 1))
                   .arg(y + 5)
                   .arg(c.toString(bw, 'f', 1))
                   .arg(QLatin1StringView(kStageColours[i % 5]))
                   .arg(esc(stageName(s.stage) + u": " + label));
        // The figures beside the bar, or inside it near the right end when it is too close to the edge.
        const bool inside = bx + bw > kLabel + plot * 0.7;
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"%3\"%4>%5</text>\n")
                   .arg(c.toString(inside ? bx + bw - 6 : bx + bw + 6, 'f', 1))
                   .arg(y + 19)
                   .arg(inside ? u"end"_s : u"start"_s)
                   .arg(inside ? u" style=\"fill:#fff\""_s : QString())
                   .arg(esc(label));
    }
    return svg + u"</svg>\n";
}

QString ReportRenderer::html(const MigrationReport& r)
{
    const QString vm = r.job.spec.value(u"vm").toString();
    const QString title = tr("XMS migration report: %1").arg(vm);
    QString out = u"<!DOCTYPE html>\n<html lang=\"" + QLocale().name().section(u'_', 0, 0)
        + u"\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width\">\n<title>"
        + esc(title) + u"</title>\n<style>" + QString::fromUtf8(kStyle) + u"</style>\n</head>\n<body>\n<h1>"
        + esc(title) + u"</h1>\n<p class=\"sub\">"
        + esc(tr("Job %1 · generated %2")
                  .arg(r.job.id, r.generatedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))))
        + u"</p>\n";
    for (const Table& t : tables(r)) {
        out += u"<section id=\"" + t.id + u"\">\n<h2>" + esc(t.title) + u"</h2>\n";
        if (t.id == u"timeline")
            out += timelineSvg(r);
        appendTable(out, t);
        out += u"</section>\n"_s;
    }
    return out + u"</body>\n</html>\n";
}

} // namespace xms
