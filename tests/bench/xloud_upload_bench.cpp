// Benchmark helper for bench-xloud-upload.sh (not a test: it prints figures). Uploads FILE to a new Glance
// image of the lab cloud (OS_* environment) with ImageClient, as the Write Volume stage does, deletes the
// image, and prints "<bytes> <seconds>" of the upload alone.
//   xms-xloud-upload-bench FILE [--content-length]
#include "model/records.h"
#include "xloud/imageclient.h"
#include "xloud/session.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <cstdio>

using namespace xms;
using namespace xms::xloud;

namespace {
QString env(const char* name)
{
    const QString v = qEnvironmentVariable(name);
    if (v.isEmpty()) {
        std::fprintf(stderr, "xloud-upload-bench: %s is not set; eval \"$(tests/lab/cloud/cloud env)\" first\n", name);
        std::exit(2);
    }
    return v;
}

int failWith(const Error& e)
{
    std::fprintf(stderr, "xloud-upload-bench: %s\n", qPrintable(e.toString()));
    return 1;
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2 || !QFileInfo(args.at(1)).isFile()) {
        std::fprintf(stderr, "usage: xms-xloud-upload-bench FILE [--content-length]\n");
        return 2;
    }
    CloudRecord c;
    c.name = QStringLiteral("bench");
    c.authUrl = env("OS_AUTH_URL");
    c.region = env("OS_REGION_NAME");
    c.username = env("OS_USERNAME");
    c.userDomain = env("OS_USER_DOMAIN_NAME");
    c.project = env("OS_PROJECT_NAME");
    c.projectDomain = env("OS_PROJECT_DOMAIN_NAME");
    Session session(c, env("OS_PASSWORD"));
    ImageClient images(&session, c.project);
    UploadOptions options;
    options.chunked = !args.contains(QStringLiteral("--content-length"));

    int rc = 1;
    ImageSpec spec;
    spec.name = QStringLiteral("xms-bench-upload");
    images.createImage(spec, [&](Result<Image> image) {
        if (!image)
            return QCoreApplication::exit(failWith(image.error()));
        images.upload(image->id, args.at(1), options, [&, id = image->id](Result<UploadResult> up) {
            if (up) {
                std::printf("%llu %.3f\n", static_cast<unsigned long long>(up->bytes), up->seconds);
                rc = 0;
            } else {
                failWith(up.error());
            }
            images.deleteImage(id, [](Status) { QCoreApplication::quit(); });
        });
    });
    app.exec();
    return rc;
}
