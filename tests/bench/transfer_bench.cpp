// Measures the bulk data paths for tests/bench/bench-transfer.sh:
//   xms-transfer-bench decode STREAM OUT.img            decode a disk stream file into a staging image
//   xms-transfer-bench download URL SHA256PIN [OUT.img]  fetch over HTTPS (pinned); decode into OUT when given
// Prints one line: what, bytes, seconds, MiB/s.
#include "transfer/curltransfer.h"
#include "transfer/sparsefilewriter.h"
#include "transfer/streamdecoder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <cstdio>

using namespace xms;

namespace {

int failWith(const Error& e)
{
    std::fprintf(stderr, "error: %s\n", qPrintable(e.toString()));
    return 1;
}

void report(const char* what, quint64 bytes, qint64 ms)
{
    const double s = double(ms) / 1000.0;
    std::printf("%s: %.1f MiB in %.2f s = %.0f MiB/s\n", what, double(bytes) / 1048576.0, s,
                double(bytes) / 1048576.0 / (s > 0 ? s : 1e-9));
}

int decode(const QString& in, const QString& out)
{
    QFile f(in);
    if (!f.open(QIODevice::ReadOnly))
        return failWith(Error::make(QStringLiteral("bench.io"), in + u": cannot open"));
    auto writer = SparseFileWriter::create(out);
    if (!writer)
        return failWith(writer.error());
    auto decoder = StreamDecoder::create(**writer);
    QElapsedTimer t;
    t.start();
    QByteArray buf(512 * 1024, Qt::Uninitialized); // libcurl's largest piece
    for (qint64 n; (n = f.read(buf.data(), buf.size())) > 0;) {
        if (auto s = decoder->feed(buf.constData(), size_t(n)); !s)
            return failWith(s.error());
    }
    if (auto s = decoder->finish(); !s)
        return failWith(s.error());
    const qint64 ms = t.elapsed();
    report("decode (stream bytes)", decoder->progress().bytesReceived, ms);
    report("decode (disk bytes)", decoder->progress().capacity, ms);
    return 0;
}

int download(const QString& url, const QByteArray& pin, const QString& out)
{
    TransferOptions options;
    options.tls = TlsPolicy::pinned(pin);
    CurlTransfer transfer(options);
    std::unique_ptr<SparseFileWriter> writer;
    std::unique_ptr<StreamDecoder> decoder;
    if (!out.isEmpty()) {
        auto w = SparseFileWriter::create(out);
        if (!w)
            return failWith(w.error());
        writer = std::move(*w);
        decoder = StreamDecoder::create(*writer);
    }
    QElapsedTimer t;
    t.start();
    auto r = transfer.get(QUrl(url), [&](const char* data, size_t size) -> Status {
        return decoder ? decoder->feed(data, size) : Status {};
    });
    if (!r)
        return failWith(r.error());
    if (decoder) {
        if (auto s = decoder->finish(); !s)
            return failWith(s.error());
    }
    report(decoder ? "download+decode" : "download", r->bytesDownloaded, t.elapsed());
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    if (a.size() == 4 && a[1] == u"decode")
        return decode(a[2], a[3]);
    if ((a.size() == 4 || a.size() == 5) && a[1] == u"download")
        return download(a[2], a[3].toLatin1(), a.value(4));
    std::fprintf(stderr, "usage: xms-transfer-bench decode STREAM OUT | download URL SHA256 [OUT]\n");
    return 2;
}
