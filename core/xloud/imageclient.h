#pragma once

#include "serviceclient.h"
#include "transfer/uploadsource.h"
#include "types.h"
#include "waiter.h"

#include <atomic>
#include <memory>

namespace xms::xloud {

struct UploadProgress
{
    quint64 sent = 0;
    quint64 total = 0;
};

struct UploadOptions
{
    // On the client's thread, about four times a second and once at the end.
    std::function<void(const UploadProgress&)> onProgress;
    // Optional: set it to stop the upload ("transfer.cancelled"). Deleting the client stops it too.
    std::shared_ptr<std::atomic_bool> cancel;
    bool chunked = true; // Transfer-Encoding: chunked (no Content-Length needed up front)
};

struct UploadResult
{
    quint64 bytes = 0;
    double seconds = 0;
};

// Glance (Image v2) for one project: temporary images a volume is created from. The upload streams the
// file with libcurl on its own thread (the REST calls stay on Qt Network), with the cloud's TLS policy.
class ImageClient : public ServiceClient
{
    Q_OBJECT

public:
    ImageClient(Session* session, QString project, QObject* parent = nullptr);
    ~ImageClient() override;

    // GET /v2/info/import: "glance-direct", "web-download", "copy-image" … (empty when import is off).
    void importMethods(Callback<QStringList> done);
    // Answers with the queued image: the id goes in the ledger before any byte is sent.
    void createImage(const ImageSpec& spec, Callback<Image> done);
    void image(const QString& id, Callback<Image> done);
    // The project's images named exactly name — how cleanup finds one whose id never came back.
    void findImages(const QString& name, Callback<QList<Image>> done);
    // PUT /v2/images/{id}/file from filePath. Logs in again once if the token is refused.
    void upload(const QString& imageId, const QString& filePath, UploadOptions options, Callback<UploadResult> done);
    // The same from a made body (a raw disk sent as qcow2).
    void upload(const QString& imageId, std::shared_ptr<const UploadSource> source, UploadOptions options,
                Callback<UploadResult> done);
    // Until "active"; "killed" or "deleted" fail with "xloud.image.error".
    WaitHandle waitActive(const QString& id, Callback<Image> done, WaitOptions options = {});
    void deleteImage(const QString& id, StatusCallback done); // already gone counts as done

private:
    struct Upload;
    void start(const QString& imageId, const QString& filePath, std::shared_ptr<const UploadSource> source,
               UploadOptions options, Callback<UploadResult> done);
    void startUpload(std::shared_ptr<Upload> upload);
    void uploadFinished(std::shared_ptr<Upload> upload);

    QList<std::weak_ptr<std::atomic_bool>> m_cancels; // of uploads in flight, set on destruction
};

} // namespace xms::xloud
