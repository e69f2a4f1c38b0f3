#pragma once

#include <QByteArray>
#include <QList>
#include <sys/types.h>

namespace xms::proc {

// Small /proc helpers for stopping the helper processes a guest stage started (and only those).

// Live (not zombie) processes whose parent is `parent`.
QList<pid_t> childrenOf(pid_t parent);
// Live processes in the tree below `root` (children, grandchildren …), excluding root itself.
QList<pid_t> descendantsOf(pid_t root);
// Live processes whose environment contains exactly `entry` ("NAME=value"): everything a process we
// started with that variable spawned, even after it left its process group or lost its parent.
QList<pid_t> withEnvironmentEntry(const QByteArray& entry);
// The command line with NULs turned into spaces; empty when the process is gone.
QByteArray commandLine(pid_t pid);
// True while the process exists and is not a zombie.
bool isAlive(pid_t pid);
// Sends `signal` to each pid (never to 0, 1 or a group); returns how many were delivered.
int killAll(const QList<pid_t>& pids, int signal);

} // namespace xms::proc
