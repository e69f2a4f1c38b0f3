// xms cloud create — registers an Xloud cloud after logging in with it (unless --skip-test).
#include "cli.h"
#include "cloudcommands.h"
#include "cloudoutput.h"
#include "commandcontext.h"
#include "common/errorcodes.h"
#include "exitcodes.h"
#include "services/clouds.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QUrl>

namespace xms::cli::cloud {

namespace {

const QCommandLineOption kAuthUrl(QStringLiteral("auth-url"), QStringLiteral("Identity (Keystone v3) URL."),
                                  QStringLiteral("URL"));
const QCommandLineOption kUser(QStringLiteral("user"), QStringLiteral("User name."), QStringLiteral("U"));
const QCommandLineOption kPasswordStdin(QStringLiteral("password-stdin"),
                                        QStringLiteral("Read the password from standard input."));
const QCommandLineOption kUserDomain(QStringLiteral("user-domain"), QStringLiteral("User domain (default: Default)."),
                                     QStringLiteral("D"), QStringLiteral("Default"));
const QCommandLineOption kProjectDomain(QStringLiteral("project-domain"),
                                        QStringLiteral("Project domain (default: Default)."), QStringLiteral("D"),
                                        QStringLiteral("Default"));
const QCommandLineOption kRegion(QStringLiteral("region"), QStringLiteral("Region (needed when there are several)."),
                                 QStringLiteral("R"));
const QCommandLineOption kAppCredId(QStringLiteral("app-cred-id"), QStringLiteral("Application credential id."),
                                    QStringLiteral("ID"));
const QCommandLineOption kAppCredName(QStringLiteral("app-cred-name"),
                                      QStringLiteral("Application credential name (with --user)."),
                                      QStringLiteral("NAME"));
const QCommandLineOption kAppCredStdin(QStringLiteral("app-cred-secret-stdin"),
                                       QStringLiteral("Read the application credential's secret from standard input."));
const QCommandLineOption kCaFile(QStringLiteral("ca-file"), QStringLiteral("Trust this PEM CA bundle."),
                                 QStringLiteral("F"));
const QCommandLineOption kNoVerify(QStringLiteral("no-verify-tls"),
                                   QStringLiteral("Do not verify TLS certificates (labs only)."));
const QCommandLineOption kDashboard(QStringLiteral("dashboard-url"),
                                    QStringLiteral("Dashboard URL, to link to created instances."),
                                    QStringLiteral("URL"));
const QCommandLineOption kSkipTest(QStringLiteral("skip-test"), QStringLiteral("Save without logging in first."));
const QCommandLineOption kProject(QStringLiteral("project"),
                                  QStringLiteral("Default project, name or id (an application credential brings "
                                                 "its own)."),
                                  QStringLiteral("P"));

// The record the flags describe, or the usage message that says which flag is wrong.
Result<CloudRecord> recordFrom(const CommandContext& p, const QString& name)
{
    auto usage = [](const QString& text) { return fail(QStringLiteral("usage"), text); };
    CloudRecord c;
    c.name = name;
    c.authUrl = p.value(kAuthUrl);
    const QUrl url(c.authUrl);
    if (c.authUrl.isEmpty() || !url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http")
        || url.host().isEmpty())
        return usage(QStringLiteral("give the Identity URL with --auth-url, e.g. https://xloud.example:5000/v3."));
    const bool appCred = p.isSet(kAppCredId) || p.isSet(kAppCredName);
    if (appCred) {
        if (!p.isSet(kAppCredStdin) || p.isSet(kPasswordStdin))
            return usage(QStringLiteral("an application credential needs --app-cred-secret-stdin (and no password)."));
        if (p.isSet(kAppCredName) && !p.isSet(kUser))
            return usage(
                QStringLiteral("--app-cred-name needs --user (the credential's owner); or give --app-cred-id."));
        c.auth = CloudRecord::Auth::ApplicationCredential;
        c.appCredId = p.value(kAppCredId);
        c.appCredName = p.value(kAppCredName);
    } else if (!p.isSet(kUser) || !p.isSet(kPasswordStdin)) {
        return usage(QStringLiteral("give --user U --password-stdin, or --app-cred-id ID --app-cred-secret-stdin."));
    }
    c.username = p.value(kUser);
    c.userDomain = p.value(kUserDomain);
    c.project = p.value(kProject);
    c.projectDomain = p.value(kProjectDomain);
    c.region = p.value(kRegion);
    c.dashboardUrl = p.value(kDashboard);
    if (p.isSet(kCaFile) && p.isSet(kNoVerify))
        return usage(QStringLiteral("--ca-file and --no-verify-tls exclude each other."));
    if (p.isSet(kCaFile)) {
        c.tls.mode = TlsPolicy::Mode::CaFile;
        c.tls.caFile = QFileInfo(p.value(kCaFile)).absoluteFilePath();
        if (!QFileInfo(c.tls.caFile).isReadable())
            return usage(QStringLiteral("cannot read the CA file %1.").arg(c.tls.caFile));
    } else if (p.isSet(kNoVerify)) {
        c.tls.mode = TlsPolicy::Mode::Insecure;
    }
    return c;
}

// Keychain, then record, through the service; prints what was saved.
void persist(const Store& store, const CloudRecord& c, const QString& secret, std::optional<xloud::CloudCheck> check)
{
    clouds::save(store, c, secret, QCoreApplication::instance(), [c, check](Status s) {
        if (!s)
            return finish(report(s.error()));
        out() << "Saved cloud " << c.name << " (" << c.authUrl << ")";
        if (check)
            out() << "; logged in" << (check->projectName.isEmpty() ? QString() : u" to project " + check->projectName);
        out() << ".\nSecret stored in the keychain. Check it any time with: xms cloud test " << c.name << Qt::endl;
        finish(exit::Ok);
    });
}

int create(CommandContext& ctx)
{
    QString name;
    if (auto stop = ctx.oneName(QStringLiteral("cloud"), name))
        return *stop;
    auto record = recordFrom(ctx, name);
    if (!record)
        return ctx.usage(record.error().message);
    const CloudRecord c = *record;
    const bool appCred = c.auth == CloudRecord::Auth::ApplicationCredential;

    auto& store = ctx.store();
    if (!store)
        return report(store.error());
    if (store->cloud(name))
        return report(Error::make(errc::kCloudExists,
                                  QStringLiteral("A cloud named %1 exists already. Delete it first, or change its "
                                                 "secret with 'xms cloud set-password %1'.")
                                      .arg(name)));
    const QString secret = readSecretFromStdin();
    if (secret.isEmpty())
        return ctx.usage(QStringLiteral("standard input held no %1.").arg(appCred ? u"secret" : u"password"));
    warnIfInsecure(c);

    // Save only what works: log in first (unless told not to), then the keychain, then the record.
    if (ctx.isSet(kSkipTest)) {
        persist(*store, c, secret, std::nullopt);
        return Async;
    }
    clouds::login(c, secret, QCoreApplication::instance(),
                  [db = Store(*store), c, secret](Result<xloud::CloudCheck> check) {
                      if (!check)
                          return finish(report(check.error()));
                      persist(db, c, secret, *check);
                  });
    return Async;
}

} // namespace

Command createCommand()
{
    return {{QStringLiteral("cloud"), QStringLiteral("create")},
            QStringLiteral("NAME --auth-url URL (--user U --password-stdin [--user-domain D] | --app-cred-id ID "
                           "--app-cred-secret-stdin) [--project P] [--project-domain D] [--region R] "
                           "[--ca-file F | --no-verify-tls] [--skip-test]"),
            QStringLiteral("Register an Xloud cloud (logs in first)"),
            {kAuthUrl, kUser, kPasswordStdin, kUserDomain, kProject, kProjectDomain, kRegion, kAppCredId, kAppCredName,
             kAppCredStdin, kCaFile, kNoVerify, kDashboard, kSkipTest},
            {{QStringLiteral("NAME"), QStringLiteral("Cloud name.")}},
            create};
}

} // namespace xms::cli::cloud
