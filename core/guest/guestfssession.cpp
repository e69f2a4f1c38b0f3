#include "guestfssession.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "common/text.h"
#include "guest/guestfsenv.h"

#include <QCoreApplication>
#include <QDir>
#include <QThread>
#include <algorithm>
#include <cstdlib>
#include <guestfs.h>

namespace xms {

namespace {
constexpr qsizetype kRecentMessages = 40;
} // namespace

GuestfsSession::GuestfsSession(const QString& logFile)
    : m_tmp(QDir::tempPath() + u"/xms-guestfs-XXXXXX")
{
    if (!logFile.isEmpty()) {
        m_log.setFileName(logFile);
        if (!m_log.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
            qCWarning(lcGuest) << "cannot write libguestfs log" << logFile << m_log.errorString();
    }
}

GuestfsSession::~GuestfsSession()
{
    if (g)
        guestfs_close(g); // kills QEMU if it still runs, then removes the handle's files
    g = nullptr;
}

Status GuestfsSession::open()
{
    if (!m_tmp.isValid()) {
        return fail(errc::kGuestTmpUnavailable,
                    Text::translate("xms::GuestfsSession",
                                    "Cannot create a temporary directory in %1. Free some space there or set TMPDIR.")
                        .toString()
                        .arg(QDir::tempPath()),
                    m_tmp.errorString());
    }
    g = guestfs_create(); // reads LIBGUESTFS_* from the environment (debug, memsize, backend settings)
    if (!g) {
        return fail(errc::kGuestApplianceFailed,
                    Text::translate("xms::GuestfsSession", "libguestfs could not create a handle. ").toString()
                        + guestfs::testToolAdvice());
    }
    guestfs_set_error_handler(g, nullptr, nullptr); // errors come back as values, not on stderr
    guestfs_set_event_callback(
        g, &GuestfsSession::onEvent,
        GUESTFS_EVENT_LIBRARY | GUESTFS_EVENT_WARNING | GUESTFS_EVENT_APPLIANCE | GUESTFS_EVENT_TRACE, 0, this);
    if (!qEnvironmentVariableIsSet("LIBGUESTFS_BACKEND") && !qEnvironmentVariableIsSet("LIBGUESTFS_ATTACH_METHOD"))
        guestfs_set_backend(g, "direct"); // no libvirtd needed
    if (guestfs::kvmBroken()) {
        char forceTcg[] = "force_tcg";
        char* settings[] = {forceTcg, nullptr};
        guestfs_set_backend_settings(g, settings);
    }
    guestfs_set_cachedir(g, c(guestfs::applianceCacheDir()));
    guestfs_set_tmpdir(g, c(m_tmp.path()));
    guestfs_set_identifier(g, "xms");
    // Two vCPUs boot the appliance noticeably faster under TCG (measured ~12 s instead of 15-20 s).
    guestfs_set_smp(g, std::clamp(QThread::idealThreadCount(), 1, 2));
    return {};
}

Status GuestfsSession::addReadOnly(const QString& path, const QString& format)
{
    const QByteArray fmt = format.toUtf8();
    if (guestfs_add_drive_opts(g, c(path).constData(), GUESTFS_ADD_DRIVE_OPTS_READONLY, 1,
                               GUESTFS_ADD_DRIVE_OPTS_FORMAT, fmt.constData(), -1)
        != 0) {
        return fail(errc::kGuestDiskUnusable,
                    Text::translate("xms::GuestfsSession", "libguestfs cannot open the staging image %1 as %2.")
                        .toString()
                        .arg(path, format),
                    errorDetail());
    }
    return {};
}

void GuestfsSession::close()
{
    if (!g)
        return;
    guestfs_shutdown(g);
    guestfs_close(g);
    g = nullptr;
}

QString GuestfsSession::errorDetail() const
{
    QStringList lines;
    if (g) {
        if (const char* e = guestfs_last_error(g))
            lines.append(QString::fromUtf8(e));
    }
    lines.append(m_recent);
    return lines.join(u'\n');
}

QString GuestfsSession::str(char* s)
{
    if (!s)
        return {};
    QString out = QString::fromUtf8(s);
    std::free(s);
    return out;
}

QStringList GuestfsSession::list(char** l)
{
    QStringList out;
    if (!l)
        return out;
    for (char** p = l; *p; ++p) {
        out.append(QString::fromUtf8(*p));
        std::free(*p);
    }
    std::free(l);
    return out;
}

void GuestfsSession::onEvent(guestfs_h*, void* opaque, uint64_t, int, int, const char* buf, size_t len, const uint64_t*,
                             size_t)
{
    auto* self = static_cast<GuestfsSession*>(opaque);
    // Appliance console output arrives in arbitrary chunks: split it into lines.
    self->m_partial += QString::fromUtf8(buf, qsizetype(len));
    qsizetype nl;
    while ((nl = self->m_partial.indexOf(u'\n')) >= 0) {
        self->addMessage(self->m_partial.left(nl).trimmed());
        self->m_partial.remove(0, nl + 1);
    }
    if (self->m_partial.size() > 4096) { // a library message without a newline
        self->addMessage(self->m_partial.trimmed());
        self->m_partial.clear();
    }
}

void GuestfsSession::addMessage(const QString& line)
{
    if (line.isEmpty())
        return;
    qCDebug(lcGuest).noquote() << "libguestfs:" << line;
    m_recent.append(line);
    if (m_recent.size() > kRecentMessages)
        m_recent.removeFirst();
    if (m_log.isOpen()) {
        m_log.write(line.toUtf8());
        m_log.write("\n");
    }
}

} // namespace xms
