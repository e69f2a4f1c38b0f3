#include "processtree.h"

#include <QDir>
#include <QFile>
#include <signal.h>

namespace xms::proc {

namespace {
QList<pid_t> allPids()
{
    QList<pid_t> pids;
    const QStringList names = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const auto& n : names) {
        bool ok = false;
        const int pid = n.toInt(&ok);
        if (ok)
            pids.append(pid_t(pid));
    }
    return pids;
}

QByteArray readProcFile(pid_t pid, const char* name)
{
    QFile f(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1StringView(name)));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// Parent pid and state from /proc/PID/stat; the command name may contain spaces and parentheses, so
// parse after the last ')'.
bool statOf(pid_t pid, pid_t* ppid, char* state)
{
    const QByteArray stat = readProcFile(pid, "stat");
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0 || close + 4 > stat.size())
        return false;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (fields.size() < 2 || fields[0].isEmpty())
        return false;
    *state = fields[0].at(0);
    *ppid = pid_t(fields[1].toInt());
    return true;
}
} // namespace

bool isAlive(pid_t pid)
{
    pid_t ppid = 0;
    char state = 0;
    return statOf(pid, &ppid, &state) && state != 'Z' && state != 'X';
}

QList<pid_t> childrenOf(pid_t parent)
{
    QList<pid_t> out;
    for (pid_t pid : allPids()) {
        pid_t ppid = 0;
        char state = 0;
        if (statOf(pid, &ppid, &state) && ppid == parent && state != 'Z' && state != 'X')
            out.append(pid);
    }
    return out;
}

QList<pid_t> descendantsOf(pid_t root)
{
    QList<pid_t> out;
    QList<pid_t> frontier {root};
    while (!frontier.isEmpty()) {
        const pid_t p = frontier.takeFirst();
        for (pid_t c : childrenOf(p)) {
            if (!out.contains(c)) {
                out.append(c);
                frontier.append(c);
            }
        }
    }
    return out;
}

QList<pid_t> withEnvironmentEntry(const QByteArray& entry)
{
    QList<pid_t> out;
    for (pid_t pid : allPids()) {
        const QByteArray env = readProcFile(pid, "environ");
        if (env.isEmpty())
            continue;
        for (const QByteArray& e : env.split('\0')) {
            if (e == entry) {
                if (isAlive(pid))
                    out.append(pid);
                break;
            }
        }
    }
    return out;
}

QByteArray commandLine(pid_t pid)
{
    QByteArray cmd = readProcFile(pid, "cmdline");
    cmd.replace('\0', ' ');
    return cmd.trimmed();
}

int killAll(const QList<pid_t>& pids, int signal)
{
    int n = 0;
    for (pid_t pid : pids) {
        if (pid > 1 && ::kill(pid, signal) == 0)
            ++n;
    }
    return n;
}

} // namespace xms::proc
