#pragma once

#include "vsphere/session.h"
#include "vsphere/xmlelement.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QSslServer>
#include <QStringList>
#include <functional>

// An in-process HTTPS server that answers vim25 SOAP calls with canned responses, per method, so the
// client's protocol handling (faults, re-login, paging, TLS decisions, polling) is unit-tested without a
// lab. The lab tests prove the same against the real simulator.
class FakeVCenter : public QObject
{
    Q_OBJECT
public:
    struct Reply
    {
        int status = 200;
        QByteArray body;
        QByteArray setCookie;
        bool drop = false; // close the connection instead of answering (the call was carried out)
    };
    using Handler = std::function<Reply(const xms::vsphere::XmlElement& call)>;

    explicit FakeVCenter(QObject* parent = nullptr);

    // Makes a self-signed certificate for 127.0.0.1 with openssl in dir (cert.pem, key.pem).
    static bool makeCertificate(const QString& dir, QString* error);
    bool start(const QString& certFile, const QString& keyFile);
    quint16 port() const { return m_server.serverPort(); }
    QByteArray certificateDer() const { return m_certDer; }
    // How a client logs in here: user "user" with the password, this certificate pinned by SHA-256.
    xms::vsphere::Session::Options sessionOptions() const;

    void on(const QString& method, Handler handler) { m_handlers.insert(method, std::move(handler)); }
    int count(const QString& method) const { return int(calls.count(method)); }

    QStringList calls; // method names in arrival order
    QList<QByteArray> cookies; // the Cookie header of each call
    QList<QByteArray> soapActions;
    QString password = QStringLiteral("secret"); // Login accepts user "user" with this

    static QByteArray envelope(const QString& inner);
    static Reply response(const QString& method, const QString& returnval = {});
    static Reply moRefResponse(const QString& method, const QString& type, const QString& value);
    static Reply fault(const QString& type, const QString& message, const QString& detailInner = {});
    static QByteArray dataFile(const QString& name); // tests/unit/vsphere/data/<name>

private:
    void onReadyRead(QSslSocket* socket);
    Reply dispatch(const QByteArray& body);

    QByteArray m_certDer;
    QHash<QString, Handler> m_handlers;
    QHash<QSslSocket*, QByteArray> m_buffers;
    QSslServer m_server; // last: destroyed first, while the handlers its sockets call still exist
};
