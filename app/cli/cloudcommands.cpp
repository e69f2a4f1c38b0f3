// xms cloud create|list|show|test|set-password|delete|resources — Xloud (OpenStack) target clouds.
#include "cli.h"
#include "cloudoutput.h"
#include "commands.h"
#include "engine/cloudsession.h"
#include "exitcodes.h"
#include "secrets/secretstore.h"
#include "store/store.h"
#include "xloud/resources.h"
#include "xloud/session.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QUrl>

namespace xms::cli {

namespace {

using xloud::Session;
using namespace cloud; // the output helpers (cloudoutput.h)

const QCommandLineOption kProject(QStringLiteral("project"),
                                  QStringLiteral("Project name or id (default: the cloud's default project)."),
                                  QStringLiteral("P"));

// Loads the record and its secret, then runs then(session); the session dies with the application.
int withSession(const QString& name, std::function<void(Session*)> then)
{
    auto store = Store::openDefault();
    if (!store)
        return report(store.error());
    auto cloud = store->cloud(name);
    if (!cloud)
        return report(cloud.error());
    warnIfInsecure(cloud->tls);
    openCloudSession(*cloud, QCoreApplication::instance(), [then](Result<Session*> s) {
        if (!s)
            return finish(report(s.error()));
        then(*s);
    });
    return Async;
}

int create(const QStringList& args, const Command& cmd)
{
    QCommandLineParser p;
    const QCommandLineOption authUrl(QStringLiteral("auth-url"), QStringLiteral("Identity (Keystone v3) URL."),
                                     QStringLiteral("URL"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("User name."), QStringLiteral("U"));
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"),
                                           QStringLiteral("Read the password from standard input."));
    const QCommandLineOption userDomain(QStringLiteral("user-domain"),
                                        QStringLiteral("User domain (default: Default)."), QStringLiteral("D"),
                                        QStringLiteral("Default"));
    const QCommandLineOption projectDomain(QStringLiteral("project-domain"),
                                           QStringLiteral("Project domain (default: Default)."), QStringLiteral("D"),
                                           QStringLiteral("Default"));
    const QCommandLineOption region(QStringLiteral("region"), QStringLiteral("Region (needed when there are several)."),
                                    QStringLiteral("R"));
    const QCommandLineOption appCredId(QStringLiteral("app-cred-id"), QStringLiteral("Application credential id."),
                                       QStringLiteral("ID"));
    const QCommandLineOption appCredName(QStringLiteral("app-cred-name"),
                                         QStringLiteral("Application credential name (with --user)."),
                                         QStringLiteral("NAME"));
    const QCommandLineOption appCredStdin(
        QStringLiteral("app-cred-secret-stdin"),
        QStringLiteral("Read the application credential's secret from standard input."));
    const QCommandLineOption caFile(QStringLiteral("ca-file"), QStringLiteral("Trust this PEM CA bundle."),
                                    QStringLiteral("F"));
    const QCommandLineOption noVerify(QStringLiteral("no-verify-tls"),
                                      QStringLiteral("Do not verify TLS certificates (labs only)."));
    const QCommandLineOption dashboard(QStringLiteral("dashboard-url"),
                                       QStringLiteral("Dashboard URL, to link to created instances."),
                                       QStringLiteral("URL"));
    const QCommandLineOption skipTest(QStringLiteral("skip-test"), QStringLiteral("Save without logging in first."));
    const QCommandLineOption project(QStringLiteral("project"),
                                     QStringLiteral("Default project, name or id (an application credential brings "
                                                    "its own)."),
                                     QStringLiteral("P"));
    for (const auto& o : {authUrl, user, passwordStdin, userDomain, project, projectDomain, region, appCredId,
                          appCredName, appCredStdin, caFile, noVerify, dashboard, skipTest})
        p.addOption(o);
    p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Cloud name."));
    QString name;
    if (auto stop = parse(p, args, cmd))
        return *stop;
    if (auto stop = oneName(p, cmd, QStringLiteral("cloud"), name))
        return *stop;

    auto usage = [&](const QString& text) {
        err() << "xms cloud create: " << text << "\nRun 'xms cloud create --help' for usage." << Qt::endl;
        return exit::Usage;
    };
    CloudRecord c;
    c.name = name;
    c.authUrl = p.value(authUrl);
    const QUrl url(c.authUrl);
    if (c.authUrl.isEmpty() || !url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http")
        || url.host().isEmpty())
        return usage(QStringLiteral("give the Identity URL with --auth-url, e.g. https://xloud.example:5000/v3."));
    const bool appCred = p.isSet(appCredId) || p.isSet(appCredName);
    if (appCred) {
        if (!p.isSet(appCredStdin) || p.isSet(passwordStdin))
            return usage(QStringLiteral("an application credential needs --app-cred-secret-stdin (and no password)."));
        if (p.isSet(appCredName) && !p.isSet(user))
            return usage(
                QStringLiteral("--app-cred-name needs --user (the credential's owner); or give --app-cred-id."));
        c.auth = CloudRecord::Auth::ApplicationCredential;
        c.appCredId = p.value(appCredId);
        c.appCredName = p.value(appCredName);
    } else if (!p.isSet(user) || !p.isSet(passwordStdin)) {
        return usage(QStringLiteral("give --user U --password-stdin, or --app-cred-id ID --app-cred-secret-stdin."));
    }
    c.username = p.value(user);
    c.userDomain = p.value(userDomain);
    c.project = p.value(project);
    c.projectDomain = p.value(projectDomain);
    c.region = p.value(region);
    c.dashboardUrl = p.value(dashboard);
    if (p.isSet(caFile) && p.isSet(noVerify))
        return usage(QStringLiteral("--ca-file and --no-verify-tls exclude each other."));
    if (p.isSet(caFile)) {
        c.tls.mode = TlsPolicy::Mode::CaFile;
        c.tls.caFile = QFileInfo(p.value(caFile)).absoluteFilePath();
        if (!QFileInfo(c.tls.caFile).isReadable())
            return usage(QStringLiteral("cannot read the CA file %1.").arg(c.tls.caFile));
    } else if (p.isSet(noVerify)) {
        c.tls.mode = TlsPolicy::Mode::Insecure;
    }

    auto store = Store::openDefault();
    if (!store)
        return report(store.error());
    if (store->cloud(name))
        return report(Error::make(QStringLiteral("cloud.exists"),
                                  QStringLiteral("A cloud named %1 exists already. Delete it first, or change its "
                                                 "secret with 'xms cloud set-password %1'.")
                                      .arg(name)));
    const QString secret = readSecretFromStdin();
    if (secret.isEmpty())
        return usage(QStringLiteral("standard input held no %1.").arg(appCred ? u"secret" : u"password"));
    warnIfInsecure(c.tls);

    // Save only what works: log in first (unless told not to), then the keychain, then the record.
    auto* session = new Session(c, secret, QCoreApplication::instance());
    auto persist = [c, secret, path = store->path()](std::optional<xloud::CloudCheck> check) {
        SecretStore::backend().write(
            SecretStore::cloudSecretKey(c), secret, QCoreApplication::instance(), [c, path, check](Status s) {
                if (!s)
                    return finish(report(s.error()));
                auto st = Store::open(path);
                if (!st)
                    return finish(report(st.error()));
                if (auto saved = st->saveCloud(c); !saved)
                    return finish(report(saved.error()));
                out() << "Saved cloud " << c.name << " (" << c.authUrl << ")";
                if (check)
                    out() << "; logged in"
                          << (check->projectName.isEmpty() ? QString() : u" to project " + check->projectName);
                out() << ".\nSecret stored in the keychain. Check it any time with: xms cloud test " << c.name
                      << Qt::endl;
                finish(exit::Ok);
            });
    };
    if (p.isSet(skipTest)) {
        persist(std::nullopt);
        return Async;
    }
    auto onChecked = [persist](Result<xloud::CloudCheck> check) {
        if (!check)
            return finish(report(check.error()));
        persist(*check);
    };
    if (c.project.isEmpty() && c.auth == CloudRecord::Auth::Password) {
        // No project yet: prove the login and show where it can work.
        session->projects([onChecked](Result<QList<xloud::Project>> projects) {
            if (!projects)
                return onChecked(std::unexpected(projects.error()));
            xloud::CloudCheck check;
            check.projects = *projects;
            onChecked(check);
        });
    } else {
        xloud::checkCloud(session, c.project, onChecked);
    }
    return Async;
}

int list(const QStringList& args, const Command& cmd)
{
    QCommandLineParser p;
    p.addOption(outputOption());
    bool json = false;
    if (auto stop = parse(p, args, cmd))
        return *stop;
    if (auto stop = checkOutput(p, json))
        return *stop;
    auto store = Store::openDefault();
    if (!store)
        return report(store.error());
    auto all = store->clouds();
    if (!all)
        return report(all.error());
    if (json) {
        QJsonArray arr;
        for (const CloudRecord& c : *all)
            arr.append(cloudJson(c));
        printJson(arr);
        return exit::Ok;
    }
    printCloudList(*all);
    return exit::Ok;
}

int show(const QStringList& args, const Command& cmd)
{
    QCommandLineParser p;
    p.addOption(outputOption());
    p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Cloud name."));
    bool json = false;
    QString name;
    if (auto stop = parse(p, args, cmd))
        return *stop;
    if (auto stop = checkOutput(p, json); stop || (stop = oneName(p, cmd, QStringLiteral("cloud"), name)))
        return *stop;
    auto store = Store::openDefault();
    if (!store)
        return report(store.error());
    auto c = store->cloud(name);
    if (!c)
        return report(c.error());
    if (json)
        printJson(cloudJson(*c));
    else
        printCloud(*c);
    return exit::Ok;
}

int test(const QStringList& args, const Command& cmd)
{
    QCommandLineParser p;
    p.addOption(outputOption());
    p.addOption(kProject);
    p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Cloud name."));
    bool json = false;
    QString name;
    if (auto stop = parse(p, args, cmd))
        return *stop;
    if (auto stop = checkOutput(p, json); stop || (stop = oneName(p, cmd, QStringLiteral("cloud"), name)))
        return *stop;
    const QString project = p.value(kProject);
    return withSession(name, [json, project](Session* session) {
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

int setPassword(const QStringList& args, const Command& cmd)
{
    QCommandLineParser p;
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"),
                                           QStringLiteral("Read the new password from standard input."));
    const QCommandLineOption appCredStdin(QStringLiteral("app-cred-secret-stdin"),
                                          QStringLiteral("Read the new application credential secret from standard "
                                                         "input."));
    p.addOption(passwordStdin);
    p.addOption(appCredStdin);
    p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Cloud name."));
    QString name;
    if (auto stop = parse(p, args, cmd))
        return *stop;
    if (auto stop = oneName(p, cmd, QStringLiteral("cloud"), name))
        return *stop;
    auto store = Store::openDefault();
    if (!store)
        return report(store.error());
    auto c = store->cloud(name);
    if (!c)
        return report(c.error());
    const bool appCred = c->auth == CloudRecord::Auth::ApplicationCredential;
    if (!p.isSet(appCred ? appCredStdin : passwordStdin)) {
        err() << "xms cloud set-password: give " << (appCred ? "--app-cred-secret-stdin" : "--password-stdin")
              << " and the secret on standard input (never on the command line)." << Qt::endl;
        return exit::Usage;
    }
    const QString secret = readSecretFromStdin();
    if (secret.isEmpty()) {
        err() << "xms cloud set-password: standard input held no secret." << Qt::endl;
        return exit::Usage;
    }
    SecretStore::backend().write(
        SecretStore::cloudSecretKey(*c), secret, QCoreApplication::instance(), [name](Status s) {
            if (!s)
                return finish(report(s.error()));
            Session::clearTokenCache(name);
            out() << "Secret of cloud " << name << " updated. Check it with: xms cloud test " << name << Qt::endl;
            finish(exit::Ok);
        });
    return Async;
}

int remove(const QStringList& args, const Command& cmd)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Cloud name."));
    QString name;
    if (auto stop = parse(p, args, cmd))
        return *stop;
    if (auto stop = oneName(p, cmd, QStringLiteral("cloud"), name))
        return *stop;
    auto store = Store::openDefault();
    if (!store)
        return report(store.error());
    if (auto s = store->removeCloud(name); !s)
        return report(s.error());
    Session::clearTokenCache(name);
    // Both possible secrets go (the cloud may have switched between password and credential).
    auto* ctx = QCoreApplication::instance();
    SecretStore::backend().remove(SecretStore::cloudPasswordKey(name), ctx, [name, ctx](Status first) {
        SecretStore::backend().remove(SecretStore::cloudAppCredSecretKey(name), ctx, [name, first](Status second) {
            const Status worst = !first ? first : second;
            if (!worst)
                err() << "xms: warning: the secret could not be removed from the keychain: " << worst.error().message
                      << Qt::endl;
            out() << "Deleted cloud " << name << Qt::endl;
            finish(exit::Ok);
        });
    });
    return Async;
}

int resources(const QStringList& args, const Command& cmd)
{
    QCommandLineParser p;
    p.addOption(outputOption());
    p.addOption(kProject);
    const QCommandLineOption cloudOpt(QStringLiteral("cloud"), QStringLiteral("Cloud name (default: the only one)."),
                                      QStringLiteral("NAME"));
    p.addOption(cloudOpt);
    bool json = false;
    if (auto stop = parse(p, args, cmd))
        return *stop;
    if (auto stop = checkOutput(p, json))
        return *stop;
    QString name = p.value(cloudOpt);
    if (name.isEmpty()) {
        auto store = Store::openDefault();
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
    const QString project = p.value(kProject);
    return withSession(name, [json, project](Session* session) {
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
    addCommand(cli, {QStringLiteral("cloud"), QStringLiteral("create")},
               QStringLiteral("NAME --auth-url URL (--user U --password-stdin [--user-domain D] | --app-cred-id ID "
                              "--app-cred-secret-stdin) [--project P] [--project-domain D] [--region R] "
                              "[--ca-file F | --no-verify-tls] [--skip-test]"),
               QStringLiteral("Register an Xloud cloud (logs in first)"), create);
    addCommand(cli, {QStringLiteral("cloud"), QStringLiteral("list")}, QStringLiteral("[--output json]"),
               QStringLiteral("List clouds"), list);
    addCommand(cli, {QStringLiteral("cloud"), QStringLiteral("show")}, QStringLiteral("NAME [--output json]"),
               QStringLiteral("Show a cloud"), show);
    addCommand(cli, {QStringLiteral("cloud"), QStringLiteral("test")},
               QStringLiteral("NAME [--project P] [--output json]"),
               QStringLiteral("Log in, list the projects and resolve the service endpoints"), test);
    addCommand(cli, {QStringLiteral("cloud"), QStringLiteral("set-password")},
               QStringLiteral("NAME (--password-stdin | --app-cred-secret-stdin)"),
               QStringLiteral("Replace a cloud's password or credential secret in the keychain"), setPassword);
    addCommand(cli, {QStringLiteral("cloud"), QStringLiteral("delete")}, QStringLiteral("NAME"),
               QStringLiteral("Delete a cloud and its secret"), remove);
    addCommand(cli, {QStringLiteral("cloud"), QStringLiteral("resources")},
               QStringLiteral("[--cloud NAME] --project P [--output json]"),
               QStringLiteral("Flavors, volume types, zones, networks and quota headroom of a project"), resources);
}

} // namespace xms::cli
