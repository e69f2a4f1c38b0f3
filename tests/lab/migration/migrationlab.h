#pragma once

// What the lab tests that drive whole migrations through the `xms` binary share: running it, registering
// the lab's vCenter and cloud, following a job in the store, and checking the real cloud afterwards.
#include "model/jobrecords.h"
#include "store/jobstore.h"
#include "xloud/blockstorageclient.h"
#include "xloud/computeclient.h"
#include "xloud/imageclient.h"
#include "xloud/networkclient.h"
#include "xloud/session.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>
#include <functional>

namespace xms::migrationlab {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the xms binary (XMS_CLI) with env and stdin; fails the process if it printed a lab password.
Run runXms(const QProcessEnvironment& env, const QStringList& args, const QByteArray& input = {},
           int timeoutMs = 180000);
using Xms = std::function<Run(const QStringList& args, const QByteArray& input)>;
// `xms source create lab` (pinned to the simulator) and `xms cloud create lab`; empty = done, else why not.
QString addLabSourceAndCloud(const Xms& xms);
// The first job id of `xms migration submit --output json`.
QString submittedId(const Run& r);

// Polls the store, as the GUI does, until the job satisfies done (or the time is up); the last read.
JobRecord waitFor(const JobStore& jobs, const QString& id, const std::function<bool(const JobRecord&)>& done,
                  int timeoutMs);
QString eventDump(const JobStore& jobs, const QString& id); // "time name: message" lines, for failure messages

// The lab cloud's project infra, as a test checks it (not through the engine's code paths).
class LabCloud : public QObject
{
public:
    explicit LabCloud(QObject* parent = nullptr);
    // Nothing of the job in Glance/Cinder/Neutron/Nova, found by the names and tags the engine uses, and
    // every ledger entry deleted. QVERIFY inside: check QTest::currentTestFailed() after it.
    void verifyNothingLeft(const JobStore& jobs, const QString& id, const QString& instance, int disks);
    // What a completed migration made, removed so the lab's quota stays free for the next test.
    void removeMigrated(const JobRecord& j);

    xloud::Session* session = nullptr;
    xloud::ComputeClient* compute = nullptr;
    xloud::BlockStorageClient* volumes = nullptr;
    xloud::NetworkClient* network = nullptr;
    xloud::ImageClient* images = nullptr;
};

} // namespace xms::migrationlab
