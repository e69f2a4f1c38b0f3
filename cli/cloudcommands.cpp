// xms cloud create|list|show|test|set-password|delete|resources — Xloud (OpenStack) target clouds.
#include "cloudcommands.h"

#include "cli.h"
#include "cloudoutput.h"
#include "commandcontext.h"
#include "commands.h"
#include "engine/cloudsession.h"
#include "exitcodes.h"
#include "services/clouds.h"
#include "store/store.h"
#include "xloud/resources.h"
#include "xloud/session.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace xms::cli {

namespace {

using xloud::Session;
using namespace cloud; // the output helpers (cloudoutput.h)

const QCommandLineOption kProject(QStringLiteral("project"),
                                  QStringLiteral("Project name or id (default: the cloud's default project)."),
                                  QStringLiteral("P"));
const QCommandLineOption kCloud(QStringLiteral("cloud"), QStringLiteral("Cloud name (default: the only one)."),
                                QStringLiteral("NAME"));
const QCommandLineOption kPasswordStdin(QStringLiteral("password-stdin"),
                                        QStringLiteral("Read the new password from standard input."));
const QCommandLineOption kAppCredStdin(QStringLiteral("app-cred-secret-stdin"),
                                       QStringLiteral("Read the new application credential secret from standard "
                                                      "input."));

// Loads the record and its secret, then runs then(session); the session dies with the application.
int withSession(CommandContext& ctx, const QString& name, std::function<void(Session*)> then)
{
    auto& store = ctx.store();
    if (!store)
        return report(store.error());
    auto cloud = store->cloud(name);
    if (!cloud)
        return report(cloud.error());
    warnIfInsecure(*cloud);
    openCloudSession(*cloud, QCoreApplication::instance(), [then](Result<Session*> s) {
        if (!s)
            return finish(report(s.error()));
        then(*s);
    });
    return Async;
}

// The cloud the one NAME argument names. An exit code when the command stops here: a usage error, no
// store, or no such cloud.
std::optional<int> namedCloud(CommandContext& ctx, CloudRecord& cloud)
{
    QString name;
    if (auto stop = ctx.oneName(QStringLiteral("cloud"), name))
        return *stop;
    auto& store = ctx.store();
    if (!store)
        return report(store.error());
    auto found = store->cloud(name);
    if (!found)
        return report(found.error());
    cloud = *found;
    return std::nullopt;
}

int list(CommandContext& ctx)
{
    auto& store = ctx.store();
    if (!store)
        return report(store.error());
    auto all = store->clouds();
    if (!all)
        return report(all.error());
    if (ctx.json()) {
        QJsonArray arr;
        for (const CloudRecord& c : *all)
            arr.append(cloudJson(c));
        printJson(arr);
        return exit::Ok;
    }
    printCloudList(*all);
    return exit::Ok;
}

int show(CommandContext& ctx)
{
    CloudRecord found;
    if (auto stop = namedCloud(ctx, found))
        return *stop;
    if (ctx.json())
        printJson(cloudJson(found));
    else
        printCloud(found);
    return exit::Ok;
}

int test(CommandContext& ctx)
{
    QString name;
    if (auto stop = ctx.oneName(QStringLiteral("cloud"), name))
        return *stop;
    const QString project = ctx.value(kProject);
    return withSession(ctx, name, [json = ctx.json(), project](Session* session) {
        xloud::checkCloud(session, project, [json, session](Result<xloud::CloudCheck> check) {
            if (!check)
                return finish(report(check.error()));
            if (json) {
                QJsonObject o = check->toJson();
                o.insert(u"cloud", session->cloud().name);
                o.insert(u"ok", true);
                printJson(o);
            } else {
                printCheck(session->cloud(), *check);
            }
            finish(exit::Ok);
        });
    });
}

int setPassword(CommandContext& ctx)
{
    CloudRecord found;
    if (auto stop = namedCloud(ctx, found))
        return *stop;
    const QString name = found.name;
    const bool appCred = found.auth == CloudRecord::Auth::ApplicationCredential;
    if (!ctx.isSet(appCred ? kAppCredStdin : kPasswordStdin)) {
        err() << "xms cloud set-password: give " << (appCred ? "--app-cred-secret-stdin" : "--password-stdin")
              << " and the secret on standard input (never on the command line)." << Qt::endl;
        return exit::Usage;
    }
    const QString secret = readSecretFromStdin();
    if (secret.isEmpty()) {
        err() << "xms cloud set-password: standard input held no secret." << Qt::endl;
        return exit::Usage;
    }
    clouds::setSecret(*ctx.store(), name, secret, QCoreApplication::instance(), [name](Status s) {
        if (!s)
            return finish(report(s.error()));
        out() << "Secret of cloud " << name << " updated. Check it with: xms cloud test " << name << Qt::endl;
        finish(exit::Ok);
    });
    return Async;
}

int deleteCloud(CommandContext& ctx)
{
    QString name;
    if (auto stop = ctx.oneName(QStringLiteral("cloud"), name))
        return *stop;
    auto& store = ctx.store();
    if (!store)
        return report(store.error());
    clouds::remove(*store, name, QCoreApplication::instance(), [name](Result<secretrecord::Removed> r) {
        if (!r)
            return finish(report(r.error()));
        if (!r->secret)
            err() << "xms: warning: the secret could not be removed from the keychain: " << r->secret.error().message
                  << Qt::endl;
        out() << "Deleted cloud " << name << Qt::endl;
        finish(exit::Ok);
    });
    return Async;
}

int resources(CommandContext& ctx)
{
    QString name = ctx.value(kCloud);
    if (name.isEmpty()) {
        auto& store = ctx.store();
        if (!store)
            return report(store.error());
        auto all = store->clouds();
        if (!all)
            return report(all.error());
        if (all->size() != 1) {
            err() << "xms cloud resources: "
                  << (all->isEmpty() ? "no cloud is registered yet; add one with 'xms cloud create'."
                                     : "several clouds are registered; name one with --cloud NAME.")
                  << Qt::endl;
            return all->isEmpty() ? exit::NotFound : exit::Usage;
        }
        name = all->first().name;
    }
    const QString project = ctx.value(kProject);
    return withSession(ctx, name, [json = ctx.json(), project](Session* session) {
        xloud::fetchResources(session, project, [json](Result<xloud::CloudResources> r) {
            if (!r)
                return finish(report(r.error()));
            if (json)
                printJson(r->toJson());
            else
                printResources(*r);
            for (const QString& w : r->warnings)
                err() << "xms: warning: " << w << Qt::endl;
            finish(exit::Ok);
        });
    });
}

} // namespace

void registerCloudCommands(Cli& cli)
{
    const Positional name {QStringLiteral("NAME"), QStringLiteral("Cloud name.")};
    cli.add(cloud::createCommand());
    cli.add({{QStringLiteral("cloud"), QStringLiteral("list")},
             QStringLiteral("[--output json]"),
             QStringLiteral("List clouds"),
             {outputOption()},
             {},
             list});
    cli.add({{QStringLiteral("cloud"), QStringLiteral("show")},
             QStringLiteral("NAME [--output json]"),
             QStringLiteral("Show a cloud"),
             {outputOption()},
             {name},
             show});
    cli.add({{QStringLiteral("cloud"), QStringLiteral("test")},
             QStringLiteral("NAME [--project P] [--output json]"),
             QStringLiteral("Log in, list the projects and resolve the service endpoints"),
             {outputOption(), kProject},
             {name},
             test});
    cli.add({{QStringLiteral("cloud"), QStringLiteral("set-password")},
             QStringLiteral("NAME (--password-stdin | --app-cred-secret-stdin)"),
             QStringLiteral("Replace a cloud's password or credential secret in the keychain"),
             {kPasswordStdin, kAppCredStdin},
             {name},
             setPassword});
    cli.add({{QStringLiteral("cloud"), QStringLiteral("delete")},
             QStringLiteral("NAME"),
             QStringLiteral("Delete a cloud and its secret"),
             {},
             {name},
             deleteCloud});
    cli.add({{QStringLiteral("cloud"), QStringLiteral("resources")},
             QStringLiteral("[--cloud NAME] --project P [--output json]"),
             QStringLiteral("Flavors, volume types, zones, networks and quota headroom of a project"),
             {outputOption(), kProject, kCloud},
             {},
             resources});
}

} // namespace xms::cli
