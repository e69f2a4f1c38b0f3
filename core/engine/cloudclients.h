#pragma once

#include "xloud/blockstorageclient.h"
#include "xloud/computeclient.h"
#include "xloud/imageclient.h"
#include "xloud/networkclient.h"
#include "xloud/session.h"

#include <QObject>

namespace xms {

struct JobContext;

// The Xloud clients one job step needs, for the spec's cloud and project, sharing one session (and the
// process-wide token cache). Deleting it cancels every call in flight, uploads and waits included —
// which is how stages stop on cancel.
class CloudClients : public QObject
{
    Q_OBJECT
public:
    CloudClients(const JobContext& ctx, QObject* parent = nullptr);

    xloud::Session* session;
    xloud::ComputeClient* compute;
    xloud::BlockStorageClient* volumes;
    xloud::NetworkClient* network;
    xloud::ImageClient* images;

    // Polling for the engine's waits: quick at first, since most resources of a job settle in seconds.
    static xloud::WaitOptions waitOptions(int timeoutMinutes = 60);
};

} // namespace xms
