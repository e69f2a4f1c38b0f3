#pragma once

#include "common/error.h"
#include "vsphere/session.h"
#include "vsphere/vminfo.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <memory>
#include <optional>

// Shared by the vSphere lab tests: the lab's vCenter simulator from the XMS_LAB_VC_* variables (a missing
// one fails the test at once), and test-side waiting for asynchronous results.
namespace vspherelab {

QString env(const char* name); // required; exits with a message when unset
xms::vsphere::Session::Options options(); // pinned to the simulator's SHA-1 thumbprint, as an operator would
std::unique_ptr<xms::vsphere::Session> openSession(xms::vsphere::Session::Options o = options());
xms::Result<xms::vsphere::Inventory> discover(xms::vsphere::Session& s, const QString& datacenter = {});
xms::vsphere::VmInfo vm(xms::vsphere::Session& s, const QString& name);

// Lab set-up only (XMS never powers a source VM on): PowerOnVM_Task unless it is on already.
xms::Status powerOn(xms::vsphere::Session& s, const xms::vsphere::MoRef& vm);
xms::Status powerOff(xms::vsphere::Session& s, const xms::vsphere::MoRef& vm);
// HttpNfcLease.state of a lease, read back from the simulator.
QString leaseState(xms::vsphere::Session& s, const xms::vsphere::MoRef& lease);

// SHA-256 of every file under the datastore directory, by relative path.
QMap<QString, QByteArray> datastoreHashes();
// The same for one VM's files (its disks and configuration; not vmware.log, the simulated hypervisor's own
// log of power operations).
QMap<QString, QByteArray> vmFileHashes(const QString& vm);
// Compares two (possibly sparse, multi-GiB) files; empty when equal, else where they differ.
QString compareFiles(const QString& a, const QString& b);

// Waits (test side only) until the slot is filled; fails the process after ms.
template<typename T> T await(std::optional<T>& slot, int ms = 120000);

} // namespace vspherelab

#include <QTest>

template<typename T> T vspherelab::await(std::optional<T>& slot, int ms)
{
    if (!QTest::qWaitFor([&] { return slot.has_value(); }, ms))
        qFatal("timed out after %d ms waiting for the lab", ms);
    return *slot;
}
