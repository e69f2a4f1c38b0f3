// xms source create|list|show|test|set-password|delete|inventory — vSphere environments.
#include "cli.h"
#include "commandcontext.h"
#include "commands.h"
#include "common/tlspolicy.h"
#include "exitcodes.h"
#include "secrets/secretstore.h"
#include "services/sources.h"
#include "sourcesupport.h"
#include "store/store.h"
#include "vsphere/connectiontest.h"
#include "vsphere/discovery.h"
#include "vsphere/inventorycache.h"
#include "vsphere/session.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

namespace xms::cli {

namespace {

using vsphere::Session;
using namespace xms::cli::source;

const QCommandLineOption kPasswordStdin(QStringLiteral("password-stdin"),
                                        QStringLiteral("Read the new password from standard input."));
const QCommandLineOption kRefresh(QStringLiteral("refresh"),
                                  QStringLiteral("Ask vCenter again instead of using the inventory cached in the "
                                                 "last 10 minutes."));

QJsonObject recordJson(const EnvironmentRecord& e)
{
    return QJsonObject {
        {QStringLiteral("name"), e.name},
        {QStringLiteral("host"), e.host},
        {QStringLiteral("port"), e.port},
        {QStringLiteral("username"), e.username},
        {QStringLiteral("datacenter"), e.datacenter},
        {QStringLiteral("tls"), tlsJson(e.tls)},
        {QStringLiteral("createdAt"), e.createdAt.toString(Qt::ISODate)},
        {QStringLiteral("updatedAt"), e.updatedAt.toString(Qt::ISODate)},
    };
}

// The source the one NAME argument names. An exit code when the command stops here: a usage error, no
// store, or no such source.
std::optional<int> namedSource(CommandContext& ctx, EnvironmentRecord& env)
{
    QString name;
    if (auto stop = ctx.oneName(QStringLiteral("source"), name))
        return *stop;
    auto& store = ctx.store();
    if (!store)
        return report(store.error());
    auto found = store->environment(name);
    if (!found)
        return report(found.error());
    env = *found;
    return std::nullopt;
}

int list(CommandContext& ctx)
{
    auto& store = ctx.store();
    if (!store)
        return report(store.error());
    auto all = store->environments();
    if (!all)
        return report(all.error());
    if (ctx.json()) {
        QJsonArray arr;
        for (const EnvironmentRecord& e : *all)
            arr.append(recordJson(e));
        printJson(arr);
        return exit::Ok;
    }
    if (all->isEmpty()) {
        out() << "No sources. Add one with: xms source create NAME --host H --user U --password-stdin" << Qt::endl;
        return exit::Ok;
    }
    out() << QStringLiteral("%1 %2 %3 %4\n").arg(u"NAME", -20).arg(u"ADDRESS", -32).arg(u"USER", -28).arg(u"TLS");
    for (const EnvironmentRecord& e : *all)
        out() << QStringLiteral("%1 %2 %3 %4\n")
                     .arg(e.name, -20)
                     .arg(e.host + u':' + QString::number(e.port), -32)
                     .arg(e.username, -28)
                     .arg(tlsSummary(e.tls));
    out().flush();
    return exit::Ok;
}

int show(CommandContext& ctx)
{
    EnvironmentRecord found;
    if (auto stop = namedSource(ctx, found))
        return *stop;
    const EnvironmentRecord* e = &found;
    if (ctx.json()) {
        printJson(recordJson(*e));
        return exit::Ok;
    }
    out() << "Name:        " << e->name << '\n'
          << "Address:     https://" << e->host << ':' << e->port << "/sdk\n"
          << "User:        " << e->username << '\n'
          << "Password:    in the keychain\n"
          << "Datacenter:  " << (e->datacenter.isEmpty() ? QStringLiteral("(all)") : e->datacenter) << '\n'
          << "TLS:         " << tlsSummary(e->tls) << '\n';
    if (e->tls.mode == TlsPolicy::Mode::Pinned) {
        if (!e->tls.pinSha1.isEmpty())
            out() << "  SHA-1:     " << fingerprint::pretty(e->tls.pinSha1) << '\n';
        if (!e->tls.pinSha256.isEmpty())
            out() << "  SHA-256:   " << fingerprint::pretty(e->tls.pinSha256) << '\n';
    }
    out() << "Created:     " << QLocale().toString(e->createdAt.toLocalTime(), QLocale::ShortFormat) << Qt::endl;
    return exit::Ok;
}

int deleteSource(CommandContext& ctx)
{
    QString name;
    if (auto stop = ctx.oneName(QStringLiteral("source"), name))
        return *stop;
    auto& store = ctx.store();
    if (!store)
        return report(store.error());
    sources::remove(*store, name, QCoreApplication::instance(), [name](Result<secretrecord::Removed> r) {
        if (!r)
            return finish(report(r.error()));
        // The record is gone either way; a keychain that cannot be reached only leaves an orphaned secret.
        if (!r->secret)
            err() << "xms: warning: the password could not be removed from the keychain: " << r->secret.error().message
                  << Qt::endl;
        out() << "Deleted source " << name << Qt::endl;
        finish(exit::Ok);
    });
    return Async;
}

int setPassword(CommandContext& ctx)
{
    QString name;
    if (auto stop = ctx.oneName(QStringLiteral("source"), name))
        return *stop;
    if (!ctx.isSet(kPasswordStdin)) {
        err() << "xms source set-password: give --password-stdin and the password on standard input "
                 "(never on the command line)."
              << Qt::endl;
        return exit::Usage;
    }
    auto& store = ctx.store();
    if (!store)
        return report(store.error());
    if (auto e = store->environment(name); !e)
        return report(e.error());
    const QString password = readSecretFromStdin();
    if (password.isEmpty()) {
        err() << "xms source set-password: standard input held no password." << Qt::endl;
        return exit::Usage;
    }
    sources::setPassword(*store, name, password, QCoreApplication::instance(), [name](Status s) {
        if (!s)
            return finish(report(s.error()));
        out() << "Password of source " << name << " updated. Check it with: xms source test " << name << Qt::endl;
        finish(exit::Ok);
    });
    return Async;
}

int test(CommandContext& ctx)
{
    EnvironmentRecord found;
    if (auto stop = namedSource(ctx, found))
        return *stop;
    const EnvironmentRecord* env = &found;
    warnIfInsecure(env->tls);
    SecretStore::backend().read(
        SecretStore::sourcePasswordKey(found.name), QCoreApplication::instance(),
        [json = ctx.json(), env = *env](Result<QString> password) {
            if (!password)
                return finish(report(password.error()));
            vsphere::ConnectionTest::run(
                Session::optionsFor(env, *password), env.datacenter, QCoreApplication::instance(),
                [json, env](Result<vsphere::ConnectionReport> r) {
                    if (!r)
                        return finish(reportConnectError(r.error()));
                    if (json) {
                        printJson(QJsonObject {{QStringLiteral("source"), env.name},
                                               {QStringLiteral("ok"), true},
                                               {QStringLiteral("about"), r->about.toJson()},
                                               {QStringLiteral("tls"), tlsJson(env.tls)},
                                               {QStringLiteral("certificate"), r->certificate.toJson()}});
                    } else {
                        out() << "Connected to " << env.name << " (https://" << env.host << ':' << env.port << "/sdk)\n"
                              << "Product:     " << r->about.fullName << '\n'
                              << "Version:     " << r->about.version << " build " << r->about.build << '\n'
                              << "API:         " << r->about.apiType << ' ' << r->about.apiVersion << '\n'
                              << "TLS:         " << tlsSummary(env.tls) << Qt::endl;
                    }
                    finish(exit::Ok);
                });
        });
    return Async;
}

int inventory(CommandContext& ctx)
{
    EnvironmentRecord found;
    if (auto stop = namedSource(ctx, found))
        return *stop;
    const bool json = ctx.json();
    const EnvironmentRecord* env = &found;
    if (!ctx.isSet(kRefresh)) {
        if (auto cached = vsphere::InventoryCache::load(found.name, vsphere::InventoryCache::kDefaultMaxAgeSecs)) {
            printInventory(*env, *cached, true, json);
            return exit::Ok;
        }
    }
    warnIfInsecure(env->tls);
    connectToSource(*env, [json, env = *env](Result<Session*> s) {
        if (!s)
            return finish(reportConnectError(s.error()));
        Session* session = *s;
        vsphere::Discovery::discover(*session, env.datacenter, [=](Result<vsphere::Inventory> inv) {
            session->close([=](Status) {
                session->deleteLater();
                if (!inv)
                    return finish(report(inv.error()));
                if (auto saved = vsphere::InventoryCache::save(env.name, *inv); !saved)
                    err() << "xms: warning: " << saved.error().message << Qt::endl;
                printInventory(env, *inv, false, json);
                finish(exit::Ok);
            });
        });
    });
    return Async;
}

} // namespace

void registerSourceCommands(Cli& cli)
{
    const Positional name {QStringLiteral("NAME"), QStringLiteral("Source name.")};
    cli.add(source::createCommand());
    cli.add({{QStringLiteral("source"), QStringLiteral("list")},
             QStringLiteral("[--output json]"),
             QStringLiteral("List sources"),
             {outputOption()},
             {},
             list});
    cli.add({{QStringLiteral("source"), QStringLiteral("show")},
             QStringLiteral("NAME [--output json]"),
             QStringLiteral("Show a source"),
             {outputOption()},
             {name},
             show});
    cli.add({{QStringLiteral("source"), QStringLiteral("test")},
             QStringLiteral("NAME [--output json]"),
             QStringLiteral("Log in to a source and show its product and API version"),
             {outputOption()},
             {name},
             test});
    cli.add({{QStringLiteral("source"), QStringLiteral("set-password")},
             QStringLiteral("NAME --password-stdin"),
             QStringLiteral("Replace a source's password in the keychain"),
             {kPasswordStdin},
             {name},
             setPassword});
    cli.add({{QStringLiteral("source"), QStringLiteral("delete")},
             QStringLiteral("NAME"),
             QStringLiteral("Delete a source and its password"),
             {},
             {name},
             deleteSource});
    cli.add({{QStringLiteral("source"), QStringLiteral("inventory")},
             QStringLiteral("NAME [--refresh] [--output json]"),
             QStringLiteral("List a source's VMs with disks and NICs"),
             {outputOption(), kRefresh},
             {name},
             inventory});
}

} // namespace xms::cli
