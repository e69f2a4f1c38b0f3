#include "libvirtxml.h"

#include <QXmlStreamWriter>

namespace xms {

QString driveName(int index)
{
    QString suffix;
    for (int n = index + 1; n > 0; n = (n - 1) / 26)
        suffix.prepend(QChar(u'a' + (n - 1) % 26));
    return u"sd" + suffix;
}

QByteArray libvirtDomainXml(const QString& name, const QList<LibvirtDisk>& disks, Firmware firmware)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartElement(QStringLiteral("domain"));
    w.writeAttribute(QStringLiteral("type"), QStringLiteral("vmware"));
    w.writeTextElement(QStringLiteral("name"), name.isEmpty() ? QStringLiteral("guest") : name);
    w.writeStartElement(QStringLiteral("memory"));
    w.writeAttribute(QStringLiteral("unit"), QStringLiteral("KiB"));
    w.writeCharacters(QStringLiteral("2097152")); // only used for output metadata, which in-place writes none of
    w.writeEndElement();
    w.writeTextElement(QStringLiteral("vcpu"), QStringLiteral("2"));

    w.writeStartElement(QStringLiteral("os"));
    if (firmware != Firmware::Unknown)
        w.writeAttribute(QStringLiteral("firmware"),
                         firmware == Firmware::Uefi ? QStringLiteral("efi") : QStringLiteral("bios"));
    w.writeStartElement(QStringLiteral("type"));
    w.writeAttribute(QStringLiteral("arch"), QStringLiteral("x86_64"));
    w.writeCharacters(QStringLiteral("hvm"));
    w.writeEndElement();
    w.writeEmptyElement(QStringLiteral("boot"));
    w.writeAttribute(QStringLiteral("dev"), QStringLiteral("hd"));
    w.writeEndElement(); // os

    w.writeStartElement(QStringLiteral("features"));
    w.writeEmptyElement(QStringLiteral("acpi"));
    w.writeEmptyElement(QStringLiteral("apic"));
    w.writeEndElement();

    w.writeStartElement(QStringLiteral("devices"));
    for (int i = 0; i < disks.size(); ++i) {
        w.writeStartElement(QStringLiteral("disk"));
        w.writeAttribute(QStringLiteral("type"), QStringLiteral("file"));
        w.writeAttribute(QStringLiteral("device"), QStringLiteral("disk"));
        w.writeEmptyElement(QStringLiteral("driver"));
        w.writeAttribute(QStringLiteral("name"), QStringLiteral("qemu"));
        w.writeAttribute(QStringLiteral("type"), disks[i].format);
        w.writeEmptyElement(QStringLiteral("source"));
        w.writeAttribute(QStringLiteral("file"), disks[i].path);
        w.writeEmptyElement(QStringLiteral("target"));
        w.writeAttribute(QStringLiteral("dev"), driveName(i));
        w.writeAttribute(QStringLiteral("bus"), QStringLiteral("scsi"));
        w.writeEndElement(); // disk
    }
    w.writeEndElement(); // devices
    w.writeEndElement(); // domain
    w.writeEndDocument();
    return out;
}

} // namespace xms
