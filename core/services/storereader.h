#pragma once

class QThreadPool;

namespace xms {

// The one thread on which the front ends read the store off their own thread (the watcher's polls, a job
// report being saved). The store keeps one SQLite connection per thread, named after the thread: a pool
// thread that expired would leave its connection behind for a later thread at the same address, so these
// reads share this thread, which lives as long as the process.
QThreadPool* storeReaderPool();

} // namespace xms
