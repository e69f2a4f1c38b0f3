#include "exportlease.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "propertycollector.h"
#include "session.h"
#include "soapenvelope.h"

#include <QXmlStreamWriter>

namespace xms::vsphere {

namespace {
constexpr int kPollMs = 250;
} // namespace

ExportLease::ExportLease(Session& session, QObject* parent)
    : QObject(parent)
    , m_session(&session)
{
    connect(&m_keepAlive, &QTimer::timeout, this, &ExportLease::keepAlive);
}

ExportLease::~ExportLease()
{
    if (isOpen() && m_session) {
        qCWarning(lcVsphere) << "aborting export lease" << m_lease.value << "left open";
        const MoRef lease = m_lease;
        m_session->call(
            QStringLiteral("HttpNfcLeaseAbort"),
            [lease](QXmlStreamWriter& w) { writeMoRef(w, QStringLiteral("_this"), lease); }, [](Result<XmlElement>) {});
    }
}

void ExportLease::open(const MoRef& vm, ReadyDone done, int readyTimeoutSec)
{
    m_ready = std::move(done);
    m_readyTimeoutSec = readyTimeoutSec;
    m_session->call(
        QStringLiteral("ExportVm"), [vm](QXmlStreamWriter& w) { writeMoRef(w, QStringLiteral("_this"), vm); },
        [this](Result<XmlElement> r) {
            if (!r)
                return m_ready(std::unexpected(r.error()));
            m_lease = moRefFrom(r->child(u"returnval"));
            if (m_ended && !m_lease.isNull()) { // aborted while ExportVm was on its way
                m_ended = false;
                return abort([](Status) {});
            }
            if (m_lease.isNull())
                return m_ready(fail(errc::kVsphereBadResponse, tr("vSphere did not return an export lease.")));
            qCInfo(lcVsphere) << "export lease" << m_lease.value << "opened";
            m_waited.start();
            poll();
        });
}

void ExportLease::poll()
{
    PropertyCollector::retrieveOne(
        *m_session, m_lease,
        {QStringLiteral("HttpNfcLease"), {QStringLiteral("state"), QStringLiteral("error"), QStringLiteral("info")}},
        [this](Result<ObjectContent> r) {
            if (m_ended)
                return;
            if (!r)
                return m_ready(std::unexpected(r.error()));
            const QString state = r->text(QStringLiteral("state"));
            if (state == u"ready") {
                const XmlElement* info = r->prop(QStringLiteral("info"));
                LeaseInfo li = LeaseInfo::fromXml(m_lease, info ? *info : XmlElement {}, m_session->soap().host(),
                                                  m_session->soap().port());
                m_keepAlive.start(m_keepAliveMs > 0 ? m_keepAliveMs
                                                    : std::clamp(li.leaseTimeoutSec * 1000 / 5, 1000, 60'000));
                return m_ready(std::move(li));
            }
            if (state == u"error") {
                m_ended = true;
                const XmlElement* err = r->prop(QStringLiteral("error"));
                const Error cause = localizedFaultError(err ? *err : XmlElement {}, QStringLiteral("HttpNfcLease"));
                return m_ready(std::unexpected(Error::make(
                    errc::kVsphereLeaseError,
                    tr("vSphere could not export the VM: %1 Check the VM and its datastore in vSphere, then try again.")
                        .arg(err ? err->textAt(u"localizedMessage", cause.message) : cause.message),
                    cause.detail)));
            }
            if (state == u"done")
                return m_ready(fail(errc::kVsphereLeaseError, tr("The export lease ended before it was used.")));
            if (m_waited.elapsed() > qint64(m_readyTimeoutSec) * 1000) {
                abort([](Status) {});
                return m_ready(
                    fail(errc::kVsphereLeaseTimeout,
                         tr("vSphere did not get the export ready within %1 s. Check for tasks running on the "
                            "VM in vSphere, then try again.")
                             .arg(m_readyTimeoutSec)));
            }
            QTimer::singleShot(kPollMs, this, [this] {
                if (!m_ended)
                    poll();
            });
        });
}

void ExportLease::keepAlive()
{
    if (!isOpen() || !m_session)
        return;
    const MoRef lease = m_lease;
    const int percent = m_percent;
    m_session->call(
        QStringLiteral("HttpNfcLeaseProgress"),
        [lease, percent](QXmlStreamWriter& w) {
            writeMoRef(w, QStringLiteral("_this"), lease);
            writeText(w, QStringLiteral("percent"), QString::number(percent));
        },
        [lease](Result<XmlElement> r) {
            // A failed keep-alive is not fatal by itself; the transfer notices when the lease really ends.
            if (!r)
                qCWarning(lcVsphere) << "HttpNfcLeaseProgress on" << lease.value << "failed:" << r.error().toString();
        });
}

void ExportLease::complete(Done done)
{
    end(QStringLiteral("HttpNfcLeaseComplete"), std::move(done));
}

void ExportLease::abort(Done done)
{
    end(QStringLiteral("HttpNfcLeaseAbort"), std::move(done));
}

void ExportLease::end(const QString& method, Done done)
{
    m_keepAlive.stop();
    if (m_ended || !m_session)
        return done({});
    m_ended = true;
    if (m_lease.isNull())
        return done({}); // ExportVm has not answered yet: its lease is aborted when it does
    const MoRef lease = m_lease;
    qCInfo(lcVsphere) << method << lease.value;
    m_session->call(
        method, [lease](QXmlStreamWriter& w) { writeMoRef(w, QStringLiteral("_this"), lease); },
        [done = std::move(done)](Result<XmlElement> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            done({});
        });
}

} // namespace xms::vsphere
