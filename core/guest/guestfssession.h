#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <cstddef>
#include <cstdint>

typedef struct guestfs_h guestfs_h;

namespace xms {

// One libguestfs handle, used from one thread: configured for this product (direct backend unless the
// user chose one, the shared appliance cache, a private temporary directory, 2 vCPUs), with libguestfs'
// messages kept for error details (and appended to a log file when given). Closes the handle on destruction.
class GuestfsSession
{
public:
    explicit GuestfsSession(const QString& logFile = {});
    ~GuestfsSession();
    GuestfsSession(const GuestfsSession&) = delete;
    GuestfsSession& operator=(const GuestfsSession&) = delete;

    Status open();
    Status addReadOnly(const QString& path, const QString& format);
    // Shuts the appliance down cleanly and closes the handle (the destructor does the same, less politely).
    void close();

    // The handle's private directory; the appliance's QEMU command line contains it.
    QString tmpDir() const { return m_tmp.path(); }
    // guestfs_last_error plus the last library/appliance messages: the detail of an Error.
    QString errorDetail() const;

    // libguestfs returns malloc'd strings and string lists: these take ownership and free them.
    static QString str(char* s);
    static QStringList list(char** l);
    static QByteArray c(const QString& s) { return s.toUtf8(); }

    guestfs_h* g = nullptr;

private:
    static void onEvent(guestfs_h* g, void* opaque, uint64_t event, int handle, int flags, const char* buf, size_t len,
                        const uint64_t* array, size_t arrayLen);
    void addMessage(const QString& line);

    QTemporaryDir m_tmp;
    QFile m_log;
    QStringList m_recent;
    QString m_partial;
};

} // namespace xms
