// xms store show|use|password — which job store this host uses: the local SQLite database, or a
// PostgreSQL server shared by workers on several hosts (services/storeaccess.h).
#include "cli.h"
#include "commandcontext.h"
#include "commands.h"
#include "common/errorcodes.h"
#include "exitcodes.h"
#include "services/storeaccess.h"
#include "store/jobstore.h"

#include <QJsonObject>

namespace xms::cli {

namespace {

const QCommandLineOption kPasswordStdin(QStringLiteral("password-stdin"),
                                        QStringLiteral("Read the password from standard input (required)."));

QString choiceOrigin()
{
    if (qEnvironmentVariableIsSet("XMS_STORE"))
        return QStringLiteral("XMS_STORE");
    return QStringLiteral("saved choice or default");
}

int runShow(CommandContext& ctx)
{
    auto where = storeaccess::chosen();
    if (!where)
        return report(where.error());
    QJsonObject o {{QStringLiteral("location"), where->display()},
                   {QStringLiteral("backend"), where->isPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite")},
                   {QStringLiteral("chosen_by"), choiceOrigin()}};
    auto& store = ctx.store();
    o.insert(QStringLiteral("reachable"), bool(store));
    if (store) {
        JobStore jobs(*store);
        o.insert(QStringLiteral("live_workers"), jobs.liveWorkers(60).value_or(0));
        o.insert(QStringLiteral("queued_jobs"), int(jobs.queued().value_or(QStringList()).size()));
    } else {
        o.insert(QStringLiteral("error"), store.error().message);
    }
    if (ctx.json()) {
        printJson(o);
    } else {
        out() << "Job store: " << o.value(QStringLiteral("location")).toString() << " ("
              << o.value(QStringLiteral("backend")).toString() << ", from " << choiceOrigin() << ")" << Qt::endl;
        if (store)
            out() << "Live workers: " << o.value(QStringLiteral("live_workers")).toInt()
                  << "    queued jobs: " << o.value(QStringLiteral("queued_jobs")).toInt() << Qt::endl;
    }
    return store ? exit::Ok : report(store.error());
}

int runUse(CommandContext& ctx)
{
    if (ctx.positional().size() != 1)
        return ctx.usage(QStringLiteral("give a postgresql://USER@HOST:PORT/DATABASE URL, or 'local'."));
    const QString arg = ctx.positional().first();
    const QString url = arg == u"local" ? QString() : arg;
    if (!url.isEmpty()) {
        auto where = StoreLocation::fromUrl(url);
        if (!where)
            return report(where.error());
        // Refuse a store this host cannot open: every later command would fail the same way.
        auto secret = storeaccess::password(*where);
        if (!secret)
            return report(secret.error());
        if (auto opened = Store::open(*where, *secret); !opened)
            return report(opened.error());
    }
    if (Status ok = storeaccess::choose(url); !ok)
        return report(ok.error());
    out() << "This host now uses " << (url.isEmpty() ? QStringLiteral("the local database") : url) << '.' << Qt::endl;
    if (qEnvironmentVariableIsSet("XMS_STORE"))
        err() << "Note: XMS_STORE is set in this environment and wins over the saved choice." << Qt::endl;
    return exit::Ok;
}

int runPassword(CommandContext& ctx)
{
    if (ctx.positional().size() > 1)
        return ctx.usage(QStringLiteral("give at most one URL (default: the store this host uses)."));
    if (!ctx.parser().isSet(kPasswordStdin))
        return ctx.usage(
            QStringLiteral("give --password-stdin and the password on standard input (never on the command line)."));
    auto where = ctx.positional().isEmpty() ? storeaccess::chosen() : StoreLocation::fromUrl(ctx.positional().first());
    if (!where)
        return report(where.error());
    if (!where->isPostgres())
        return report(Error::make(errc::kUsageArguments,
                                  QStringLiteral("The local database needs no password; give the postgresql:// URL "
                                                 "the password is for.")));
    const QString secret = readSecretFromStdin();
    if (secret.isEmpty())
        return report(Error::make(errc::kUsageArguments, QStringLiteral("No password was given on standard input.")));
    if (Status ok = storeaccess::savePassword(*where, secret); !ok)
        return report(ok.error());
    out() << "Saved the password for " << where->display() << " in the keychain." << Qt::endl;
    return exit::Ok;
}

} // namespace

void registerStoreCommands(Cli& cli)
{
    cli.add({{QStringLiteral("store"), QStringLiteral("show")},
             QStringLiteral("[--output json]"),
             QStringLiteral("Show which job store this host uses and whether it is reachable"),
             {outputOption()},
             {},
             runShow});
    cli.add({{QStringLiteral("store"), QStringLiteral("use")},
             QStringLiteral("postgresql://USER@HOST:PORT/DATABASE | local"),
             QStringLiteral("Share a PostgreSQL job store with other hosts, or go back to the local one"),
             {},
             {{QStringLiteral("URL"), QStringLiteral("postgresql://USER@HOST:PORT/DATABASE, or 'local'")}},
             runUse});
    cli.add({{QStringLiteral("store"), QStringLiteral("password")},
             QStringLiteral("[URL] --password-stdin"),
             QStringLiteral("Save the PostgreSQL job store's password in the keychain"),
             {kPasswordStdin},
             {{QStringLiteral("URL"), QStringLiteral("the store (default: the one this host uses)")}},
             runPassword});
}

} // namespace xms::cli
