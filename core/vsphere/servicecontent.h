#pragma once

#include "moref.h"

#include <QJsonObject>
#include <QString>

namespace xms::vsphere {

struct XmlElement;

// ServiceContent.about: what "Test Connection" shows.
struct AboutInfo
{
    QString name; // "VMware vCenter Server"
    QString fullName; // "VMware vCenter Server 7.0.3 build-20150588"
    QString vendor;
    QString version; // "7.0.3"
    QString build;
    QString apiType; // "VirtualCenter" or "HostAgent"
    QString apiVersion; // "7.0.3.0"
    QString instanceUuid;

    bool isVCenter() const { return apiType == u"VirtualCenter"; }
    QJsonObject toJson() const;
    static AboutInfo fromXml(const XmlElement& about);
};

// The managed objects every session starts from (ServiceInstance.RetrieveServiceContent).
struct ServiceContent
{
    AboutInfo about;
    MoRef rootFolder;
    MoRef propertyCollector;
    MoRef viewManager;
    MoRef sessionManager;
    MoRef searchIndex;
    MoRef eventManager;

    static ServiceContent fromXml(const XmlElement& returnval);
};

} // namespace xms::vsphere
