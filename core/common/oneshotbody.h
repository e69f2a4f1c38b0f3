#pragma once

#include <QByteArray>
#include <QIODevice>

namespace xms {

// A request body Qt Network can read only once. Qt 6.4 silently sends a request again when the
// connection drops before the answer, POSTs included: a create whose answer was lost would then be
// carried out several times (measured: four Cinder volumes for one call, four ExportVm for one lease).
// Given this body (and told not to buffer it), Qt cannot rewind it and fails the reply with
// ContentReSendError instead. The request needs DoNotBufferUploadDataAttribute and a Content-Length.
class OneShotBody : public QIODevice
{
    Q_OBJECT

public:
    explicit OneShotBody(QByteArray data, QObject* parent = nullptr);

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    bool reset() override { return false; } // the point of this class

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

} // namespace xms
