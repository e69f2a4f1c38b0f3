// Benchmark helper for bench-upload.sh (not a test: it prints figures). Uploads FILE to a new Glance
// image of the lab cloud (OS_* environment) with ImageClient, deletes the image, and prints
// "<bytes> <seconds>" of the upload alone. --qcow2 sends the raw FILE as Write Volume does (Qcow2Stream);
// --write-qcow2 OUT only writes that stream to OUT (what curl then sends for the same bytes). Like Write
// Volume, --qcow2 digests the stream (sha512) and the raw disk (SHA-256) while sending; --no-digest does not
// (to measure what the digests cost).
//   xms-xloud-upload-bench FILE [--content-length] [--qcow2 [--no-digest]] [--write-qcow2 OUT]
#include "model/records.h"
#include "transfer/qcow2stream.h"
#include "transfer/uploaddigest.h"
#include "xloud/imageclient.h"
#include "xloud/session.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
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
    QLoggingCategory::setFilterRules(QStringLiteral("xms.*.info=false")); // the figures only
    const QStringList args = app.arguments();
    if (args.size() < 2 || !QFileInfo(args.at(1)).isFile()) {
        std::fprintf(stderr, "usage: xms-xloud-upload-bench FILE [--content-length] [--qcow2] [--write-qcow2 OUT]\n");
        return 2;
    }
    const bool qcow2 = args.contains(QStringLiteral("--qcow2")) || args.contains(QStringLiteral("--write-qcow2"));
    std::shared_ptr<const Qcow2Stream> stream;
    if (qcow2) {
        auto opened = Qcow2Stream::open(args.at(1));
        if (!opened)
            return failWith(opened.error());
        stream = std::move(*opened);
    }
    if (const qsizetype at = args.indexOf(QStringLiteral("--write-qcow2")); at > 0) {
        QFile out(args.value(at + 1));
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return failWith(Error::make(QStringLiteral("bench.write"), out.errorString()));
        QByteArray buffer(2 << 20, Qt::Uninitialized);
        for (quint64 pos = 0; pos < stream->size();) {
            auto n = stream->readAt(pos, buffer.data(), size_t(buffer.size()));
            if (!n)
                return failWith(n.error());
            out.write(buffer.constData(), qint64(*n));
            pos += *n;
        }
        std::printf("%llu\n", static_cast<unsigned long long>(stream->size()));
        return 0;
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
    spec.diskFormat = qcow2 ? QStringLiteral("qcow2") : QStringLiteral("raw");
    images.createImage(spec, [&](Result<Image> image) {
        if (!image)
            return QCoreApplication::exit(failWith(image.error()));
        auto done = [&, id = image->id](Result<UploadResult> up) {
            if (up) {
                std::printf("%llu %.3f\n", static_cast<unsigned long long>(up->bytes), up->seconds);
                rc = 0;
            } else {
                failWith(up.error());
            }
            images.deleteImage(id, [](Status) { QCoreApplication::quit(); });
        };
        if (stream && !args.contains(QStringLiteral("--no-digest"))) {
            auto digest = UploadDigest::ofDisk(stream, QStringLiteral("sha512"));
            if (!digest)
                return QCoreApplication::exit(failWith(digest.error()));
            images.upload(image->id, *digest, options, done);
        } else if (stream) {
            images.upload(image->id, stream, options, done);
        }
        else
            images.upload(image->id, args.at(1), options, done);
    });
    app.exec();
    return rc;
}
