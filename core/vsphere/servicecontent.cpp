#include "servicecontent.h"

#include "xmlelement.h"

namespace xms::vsphere {

MoRef MoRef::fromString(QStringView text)
{
    const qsizetype colon = text.indexOf(u':');
    if (colon <= 0 || colon == text.size() - 1)
        return {};
    return MoRef {text.left(colon).toString(), text.mid(colon + 1).toString()};
}

MoRef moRefFrom(const XmlElement* e)
{
    if (!e)
        return {};
    return MoRef {e->typeAttr, e->text.trimmed()};
}

QJsonObject AboutInfo::toJson() const
{
    return QJsonObject {
        {QStringLiteral("name"), name},
        {QStringLiteral("fullName"), fullName},
        {QStringLiteral("vendor"), vendor},
        {QStringLiteral("version"), version},
        {QStringLiteral("build"), build},
        {QStringLiteral("apiType"), apiType},
        {QStringLiteral("apiVersion"), apiVersion},
        {QStringLiteral("instanceUuid"), instanceUuid},
    };
}

AboutInfo AboutInfo::fromXml(const XmlElement& a)
{
    AboutInfo i;
    i.name = a.textAt(u"name");
    i.fullName = a.textAt(u"fullName");
    i.vendor = a.textAt(u"vendor");
    i.version = a.textAt(u"version");
    i.build = a.textAt(u"build");
    i.apiType = a.textAt(u"apiType");
    i.apiVersion = a.textAt(u"apiVersion");
    i.instanceUuid = a.textAt(u"instanceUuid");
    return i;
}

ServiceContent ServiceContent::fromXml(const XmlElement& r)
{
    ServiceContent sc;
    if (const XmlElement* about = r.child(u"about"))
        sc.about = AboutInfo::fromXml(*about);
    sc.rootFolder = moRefFrom(r.child(u"rootFolder"));
    sc.propertyCollector = moRefFrom(r.child(u"propertyCollector"));
    sc.viewManager = moRefFrom(r.child(u"viewManager"));
    sc.sessionManager = moRefFrom(r.child(u"sessionManager"));
    sc.eventManager = moRefFrom(r.child(u"eventManager"));
    sc.searchIndex = moRefFrom(r.child(u"searchIndex"));
    return sc;
}

} // namespace xms::vsphere
