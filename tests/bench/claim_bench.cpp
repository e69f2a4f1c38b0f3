// Claim throughput, fairness and store load of many worker processes sharing one job store, for
// tests/bench/bench-claims.sh (a benchmark that prints figures, not a test). Modes:
//   xms-claim-bench                      the benchmark (sizes from XMS_BENCH_*; see bench-claims.sh)
//   xms-claim-bench worker --store S --claimer skip|naive --slots N --stage-ms T --progress-ms P
//   xms-claim-bench seed --store S --jobs N [--history H]
// S: a postgresql:// URL (password: $CREDENTIALS_DIRECTORY/xms-store-password) or an SQLite file.
#include "benchdb.h"
#include "benchstore.h"
#include "claimphases.h"

#include <QCoreApplication>
#include <QStringList>
#include <algorithm>
#include <cstdio>

using namespace xms;
using namespace xms::bench;

namespace {

QString option(const QStringList& args, const QString& name, const QString& fallback = {})
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
}

int envInt(const char* name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok ? v : fallback;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    if (mode == u"worker") {
        WorkerArgs w;
        w.store = option(args, QStringLiteral("--store"));
        w.naive = option(args, QStringLiteral("--claimer")) == u"naive";
        w.slotCount = option(args, QStringLiteral("--slots"), QStringLiteral("2")).toInt();
        w.stageMs = option(args, QStringLiteral("--stage-ms"), QStringLiteral("0")).toInt();
        w.progressMs = option(args, QStringLiteral("--progress-ms"), QStringLiteral("100")).toInt();
        return runWorker(w);
    }
    if (mode == u"seed")
        return runSeed(option(args, QStringLiteral("--store")), option(args, QStringLiteral("--jobs")).toInt(),
                       option(args, QStringLiteral("--history"), QStringLiteral("0")).toInt());

    BenchConfig c;
    c.jobs = envInt("XMS_BENCH_JOBS", c.jobs);
    c.workers = envInt("XMS_BENCH_WORKERS", c.workers);
    c.slotCount = envInt("XMS_BENCH_SLOTS", c.slotCount);
    c.loadSeconds = envInt("XMS_BENCH_LOAD_SECONDS", c.loadSeconds);
    c.watchSeconds = envInt("XMS_BENCH_WATCH_SECONDS", c.watchSeconds);
    c.sqlite = envInt("XMS_BENCH_SQLITE", 1) != 0;
    c.keepLogs = envInt("XMS_BENCH_KEEP", 0) != 0;
    c.rounds = std::max(1, envInt("XMS_BENCH_ROUNDS", c.rounds));
    // The workers get the store's password as a headless worker does: a systemd-style credential.
    if (qEnvironmentVariableIsEmpty("CREDENTIALS_DIRECTORY"))
        qputenv("CREDENTIALS_DIRECTORY", qgetenv("XMS_LAB_PG_CREDENTIALS"));
    auto admin = BenchDb::connect();
    if (!admin) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(admin.error().toString()));
        return 1;
    }
    return ClaimPhases(*admin, c).run();
}
