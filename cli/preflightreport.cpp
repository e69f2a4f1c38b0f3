#include "preflightreport.h"

#include "cli.h"

#include <QCoreApplication>

namespace xms::cli::preflight {

namespace {
void runNext(std::shared_ptr<Store> store, QList<MigrationSpec> specs, std::shared_ptr<QList<PreflightReport>> reports,
             std::function<void(Result<QList<PreflightReport>>)> done)
{
    if (specs.isEmpty())
        return done(*reports);
    const MigrationSpec s = specs.takeFirst();
    runPreflight(*store, s, QCoreApplication::instance(), [=](Result<PreflightReport> r) {
        if (!r)
            return done(std::unexpected(r.error()));
        reports->append(*r);
        runNext(store, specs, reports, done);
    });
}
} // namespace

QString formatMinutes(qint64 seconds)
{
    return seconds < 90 ? QStringLiteral("~%1 s").arg(seconds) : QStringLiteral("~%1 min").arg((seconds + 30) / 60);
}

void printReport(const PreflightReport& r)
{
    out() << r.vm << ": " << verdictName(r.verdict);
    if (r.estimate)
        out() << " (estimated runtime " << formatMinutes(r.estimate->seconds) << ", from " << r.estimate->basis << ')';
    out() << Qt::endl;
    for (const PreflightCheck& c : r.checks) {
        out() << "  [" << verdictName(c.verdict) << "] " << c.category << ": " << c.message << Qt::endl;
        if (!c.fix.isEmpty() && c.verdict != Verdict::Pass)
            out() << "         fix: " << c.fix << Qt::endl;
    }
}

void runAll(std::shared_ptr<Store> store, QList<MigrationSpec> specs,
            std::function<void(Result<QList<PreflightReport>>)> done)
{
    runNext(std::move(store), std::move(specs), std::make_shared<QList<PreflightReport>>(), std::move(done));
}

} // namespace xms::cli::preflight
