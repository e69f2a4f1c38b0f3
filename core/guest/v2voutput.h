#pragma once

#include "common/error.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>

namespace xms {

// One line of `virt-v2v-in-place --machine-readable` output. On stdout virt-v2v 2.2 prints JSON objects
// ({"message": …, "timestamp": …, "type": "message"|"info"|"warning"|"error"}), progress bars as "N/M",
// and the same messages again for people ("[  27.5] Inspecting the source"); stderr carries errors.
struct V2vLine
{
    enum class Kind { Message, Info, Warning, Error, Progress, Text };
    Kind kind = Kind::Text;
    QString text; // the message (JSON "message"), or the raw line for Text
    qint64 done = 0; // Progress: N of N/M
    qint64 total = 0;
};
V2vLine parseV2vLine(QByteArrayView line);

// Follows a conversion: virt-v2v's phase messages map onto fixed shares of 0–100 (weights measured on
// the lab's Debian guest under TCG, where "Converting" — the initramfs rebuild — dominates); N/M progress
// bars move the percentage within the current phase. Never goes backwards.
class V2vProgress
{
public:
    // Returns true when percent() or message() changed.
    bool feed(const V2vLine& line);

    int percent() const { return m_percent; }
    QString message() const { return m_message; }
    QStringList warnings() const { return m_warnings; }
    QStringList errors() const { return m_errors; }
    QStringList infos() const { return m_infos; }
    // virt-v2v arranged for the QEMU guest agent to be installed at first boot (Linux guests).
    bool guestAgentAtFirstBoot() const { return m_agent; }

    // Start of a phase in percent, by its message; -1 for messages that are not phases.
    static int phaseStart(const QString& message);

private:
    int m_percent = 0;
    int m_phaseStart = 0;
    int m_phaseEnd = 0;
    QString m_message;
    QStringList m_warnings;
    QStringList m_errors;
    QStringList m_infos;
    bool m_agent = false;
};

// Turns a failed conversion into an Error with the fix: no OS found, Windows hibernated / Fast Startup,
// too little free space in the guest (or on this host), unsupported or multi-boot guest, missing Windows
// tools, libguestfs that cannot start. `errors` are virt-v2v's error messages (JSON and stderr), `log`
// its whole output; the detail names the log file and quotes its end.
Error mapV2vFailure(const QStringList& errors, const QString& log, const QString& logFile);

} // namespace xms
