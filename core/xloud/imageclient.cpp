#include "imageclient.h"

#include "apierror.h"
#include "common/logging.h"
#include "transfer/curltransfer.h"

#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace xms::xloud {

// State shared between the client's thread and the transfer thread.
struct ImageClient::Upload
{
    QString imageId;
    QString filePath;
    std::shared_ptr<const UploadSource> source; // instead of the file, when set
    UploadOptions options;
    Callback<UploadResult> done;
    bool reauthenticated = false;
    ScopedToken token;
    QUrl url;
    std::shared_ptr<std::atomic_bool> cancel;
    std::atomic<quint64> sent {0};
    std::atomic<quint64> total {0};
    // Written by the transfer thread before it finishes; read after QThread::finished.
    std::optional<Result<HttpResponse>> result;
    long status = 0;
};

ImageClient::ImageClient(Session* session, QString project, QObject* parent)
    : ServiceClient(session, Service::Image, std::move(project), parent)
{
}

ImageClient::~ImageClient()
{
    for (const auto& weak : m_cancels)
        if (auto flag = weak.lock())
            flag->store(true);
}

void ImageClient::importMethods(Callback<QStringList> done)
{
    get(u"/info/import"_s, tr("discover the image import methods"), [done](Result<RestReply> r) {
        if (!r)
            return done(std::unexpected(r.error()));
        QStringList methods;
        for (const QJsonValue& v : r->json.value(u"import-methods").toObject().value(u"value").toArray())
            methods.append(v.toString());
        done(methods);
    });
}

void ImageClient::createImage(const ImageSpec& spec, Callback<Image> done)
{
    postJson(u"/images"_s, spec.toJson(), tr("create image '%1'").arg(spec.name), [done](Result<RestReply> r) {
        if (!r)
            return done(std::unexpected(r.error()));
        const Image i = Image::fromJson(r->json);
        if (i.id.isEmpty())
            return done(fail(u"xloud.bad_response"_s, tr("Glance created the image but did not say its id."),
                             QString::fromUtf8(r->body.left(300))));
        done(i);
    });
}

void ImageClient::image(const QString& id, Callback<Image> done)
{
    get(u"/images/"_s + id, tr("show image %1").arg(id), [done](Result<RestReply> r) {
        if (!r)
            return done(std::unexpected(r.error()));
        done(Image::fromJson(r->json));
    });
}

void ImageClient::findImages(const QString& name, Callback<QList<Image>> done)
{
    // Owned by the project only: another project's public image of the same name is not ours to delete.
    endpoint([this, name, done](Result<QUrl> ep) {
        if (!ep)
            return done(std::unexpected(ep.error()));
        get(
            u"/images"_s, tr("find images named '%1'").arg(name),
            [done](Result<RestReply> r) {
                if (!r)
                    return done(std::unexpected(r.error()));
                QList<Image> out;
                for (const QJsonValue& v : r->json.value(u"images").toArray())
                    out.append(Image::fromJson(v.toObject()));
                done(out);
            },
            QUrlQuery({{u"name"_s, name}, {u"owner"_s, projectId()}}));
    });
}

void ImageClient::upload(const QString& imageId, const QString& filePath, UploadOptions options,
                         Callback<UploadResult> done)
{
    start(imageId, filePath, nullptr, std::move(options), std::move(done));
}

void ImageClient::upload(const QString& imageId, std::shared_ptr<const UploadSource> source, UploadOptions options,
                         Callback<UploadResult> done)
{
    const QString what = source->description(); // before the pointer moves
    start(imageId, what, std::move(source), std::move(options), std::move(done));
}

void ImageClient::start(const QString& imageId, const QString& filePath, std::shared_ptr<const UploadSource> source,
                        UploadOptions options, Callback<UploadResult> done)
{
    auto u = std::make_shared<Upload>();
    u->imageId = imageId;
    u->filePath = filePath;
    u->source = std::move(source);
    u->cancel = options.cancel ? options.cancel : std::make_shared<std::atomic_bool>(false);
    u->options = std::move(options);
    u->done = std::move(done);
    m_cancels.removeIf([](const auto& w) { return w.expired(); });
    m_cancels.append(u->cancel);
    startUpload(u);
}

void ImageClient::startUpload(std::shared_ptr<Upload> u)
{
    authorized([this, u](Result<Authorized> auth) {
        if (!auth)
            return u->done(std::unexpected(auth.error()));
        u->token = auth->token;
        u->url = auth->endpoint;
        u->url.setPath(u->url.path() + u"/images/"_s + u->imageId + u"/file"_s);
        u->result.reset();

        TransferOptions t;
        t.tls = session()->cloud().tls;
        t.headers = {"X-Auth-Token: " + auth->token.value};
        t.cancel = u->cancel.get();
        t.proxy = QByteArray(); // the cloud is reached directly, like the REST calls
        t.onProgress = [u](const TransferProgress& p) {
            // With chunked encoding libcurl counts the chunk framing too: report file bytes.
            u->sent.store(std::min(p.uploaded, p.uploadTotal));
            u->total.store(p.uploadTotal);
        };
        CurlTransfer::Upload what {u->filePath, CurlTransfer::Method::Put, "application/octet-stream",
                                   u->options.chunked, u->source};

        // The transfer blocks its thread; progress is sampled on ours, so no callback crosses threads.
        QThread* worker = QThread::create([u, t = std::move(t), what] {
            CurlTransfer transfer(t);
            u->result = transfer.upload(u->url, what);
            u->status = transfer.lastStatus();
        });
        auto* ticker = new QTimer(this);
        ticker->setInterval(250);
        connect(ticker, &QTimer::timeout, this, [u] {
            if (u->options.onProgress && u->total.load())
                u->options.onProgress({u->sent.load(), u->total.load()});
        });
        connect(worker, &QThread::finished, this, [this, u, ticker] {
            ticker->deleteLater();
            uploadFinished(u);
        });
        // Not parented to the client: a running QThread must never be destroyed; it deletes itself.
        connect(worker, &QThread::finished, worker, &QObject::deleteLater);
        ticker->start();
        worker->start();
    });
}

void ImageClient::uploadFinished(std::shared_ptr<Upload> u)
{
    Result<HttpResponse> r = u->result.value_or(fail(u"transfer.failed"_s, tr("The upload thread ended early.")));
    if (u->options.onProgress && u->total.load())
        u->options.onProgress({u->sent.load(), u->total.load()});
    if (r) {
        qCInfo(lcXloud).noquote() << "uploaded" << u->total.load() << "bytes to image" << u->imageId << "in"
                                  << r->seconds << "s";
        return u->done(UploadResult {u->total.load(), r->seconds});
    }
    if (u->status == 401 && !u->reauthenticated) {
        u->reauthenticated = true;
        session()->invalidate(u->token);
        qCInfo(lcXloud) << "Glance refused the token (401) for the upload; logging in again";
        return startUpload(u);
    }
    if (u->status >= 400) {
        // The transfer error's detail ends with an excerpt of Glance's body: parse it the usual way.
        const QString detail = r.error().detail;
        const qsizetype colon = detail.indexOf(u": "_s);
        const QByteArray body = colon < 0 ? QByteArray() : detail.mid(colon + 2).toUtf8();
        return u->done(std::unexpected(
            ApiError::fromHttp(Service::Image, int(u->status), body, tr("upload image %1").arg(u->imageId))));
    }
    u->done(std::unexpected(r.error()));
}

WaitHandle ImageClient::waitActive(const QString& id, Callback<Image> done, WaitOptions options)
{
    return Waiter<Image>::start(
        this, options, tr("image %1 to become active").arg(id),
        [this, id](Callback<Image> cb) { image(id, std::move(cb)); },
        [](const Image& i) -> std::optional<Result<Image>> {
            if (i.status == u"active")
                return i;
            if (i.status == u"killed" || i.status == u"deleted" || i.status == u"pending_delete")
                return fail(u"xloud.image.error"_s,
                            tr("Image '%1' went to status '%2': Glance could not store it. Check the image file "
                               "and the cloud's image store, then try again.")
                                .arg(i.name, i.status));
            return std::nullopt;
        },
        std::move(done));
}

void ImageClient::deleteImage(const QString& id, StatusCallback done)
{
    remove(u"/images/"_s + id, tr("delete image %1").arg(id), std::move(done));
}

} // namespace xms::xloud
