#include "xmlelement.h"

#include "common/errorcodes.h"

#include <QObject>
#include <QXmlStreamReader>
#include <optional>
#include <vector>

namespace xms::vsphere {

namespace {
const QString kXsiNs = QStringLiteral("http://www.w3.org/2001/XMLSchema-instance");

QString stripPrefix(QStringView qname)
{
    const qsizetype colon = qname.lastIndexOf(u':');
    return (colon < 0 ? qname : qname.mid(colon + 1)).toString();
}

Error badXml(const QString& what)
{
    return Error::make(errc::kVsphereBadResponse,
                       QObject::tr("The server sent a response that is not valid vSphere SOAP. Check that the "
                                   "host and port point at a vCenter Server or ESXi host."),
                       what);
}
} // namespace

const XmlElement* XmlElement::child(QStringView childName) const
{
    for (const XmlElement& c : children) {
        if (c.name == childName)
            return &c;
    }
    return nullptr;
}

QList<const XmlElement*> XmlElement::all(QStringView childName) const
{
    QList<const XmlElement*> out;
    for (const XmlElement& c : children) {
        if (c.name == childName)
            out.append(&c);
    }
    return out;
}

const XmlElement* XmlElement::at(QStringView path) const
{
    const XmlElement* e = this;
    for (QStringView step : path.split(u'/')) {
        if (!e || step.isEmpty())
            return e;
        e = e->child(step);
    }
    return e;
}

QString XmlElement::textAt(QStringView path, const QString& fallback) const
{
    const XmlElement* e = at(path);
    return e ? e->text : fallback;
}

qint64 XmlElement::intAt(QStringView path, qint64 fallback) const
{
    const XmlElement* e = at(path);
    bool ok = false;
    const qint64 v = e ? e->text.trimmed().toLongLong(&ok) : 0;
    return ok ? v : fallback;
}

bool XmlElement::boolAt(QStringView path, bool fallback) const
{
    const XmlElement* e = at(path);
    if (!e)
        return fallback;
    const QString t = e->text.trimmed();
    if (t == u"true" || t == u"1")
        return true;
    if (t == u"false" || t == u"0")
        return false;
    return fallback;
}

Result<XmlElement> parseXml(const QByteArray& data, const XmlLimits& limits)
{
    QXmlStreamReader xml(data);
    std::vector<XmlElement> stack; // open elements; a finished one is moved into its parent
    std::optional<XmlElement> root;
    qsizetype count = 0;
    while (!xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::StartElement: {
            if (root)
                return std::unexpected(badXml(QStringLiteral("content after the document element")));
            if (int(stack.size()) >= limits.maxDepth)
                return std::unexpected(badXml(QStringLiteral("elements nested deeper than %1").arg(limits.maxDepth)));
            if (++count > limits.maxElements)
                return std::unexpected(badXml(QStringLiteral("more than %1 elements").arg(limits.maxElements)));
            XmlElement e;
            e.name = xml.name().toString();
            const QXmlStreamAttributes attrs = xml.attributes();
            if (attrs.hasAttribute(kXsiNs, QStringLiteral("type")))
                e.xsiType = stripPrefix(attrs.value(kXsiNs, QStringLiteral("type")));
            if (attrs.hasAttribute(QStringLiteral("type")))
                e.typeAttr = attrs.value(QStringLiteral("type")).toString();
            stack.push_back(std::move(e));
            break;
        }
        case QXmlStreamReader::Characters:
            if (!stack.empty())
                stack.back().text += xml.text();
            break;
        case QXmlStreamReader::EndElement: {
            XmlElement done = std::move(stack.back());
            stack.pop_back();
            if (stack.empty())
                root = std::move(done);
            else
                stack.back().children.append(std::move(done));
            break;
        }
        default:
            break; // declarations, comments, processing instructions
        }
    }
    if (xml.hasError())
        return std::unexpected(badXml(QStringLiteral("XML error at line %1, column %2: %3")
                                          .arg(xml.lineNumber())
                                          .arg(xml.columnNumber())
                                          .arg(xml.errorString())));
    if (!root)
        return std::unexpected(badXml(QStringLiteral("empty document")));
    return std::move(*root);
}

} // namespace xms::vsphere
