#pragma once

#include "guest/guestinfo.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace xms {

struct LibvirtDisk
{
    QString path; // absolute
    QString format; // "raw", "qcow2"
};

// The input description virt-v2v's `-i libvirtxml` reads: the VM's name, its disks in order (the first
// boots) and its firmware (<os firmware='efi'|'bios'>; omitted when unknown so virt-v2v looks for itself).
// The domain type says the guest comes from VMware, which is what virt-v2v's VMware cleanups key on.
QByteArray libvirtDomainXml(const QString& name, const QList<LibvirtDisk>& disks, Firmware firmware);

// "sda", "sdb", …, "sdz", "sdaa": the libvirt/Linux name of the n-th disk (0-based).
QString driveName(int index);

} // namespace xms
