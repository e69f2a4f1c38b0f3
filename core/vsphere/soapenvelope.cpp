#include "soapenvelope.h"

#include "common/errorcodes.h"

#include <QObject>
#include <QXmlStreamWriter>

namespace xms::vsphere {

namespace {
const QString kSoapNs = QStringLiteral("http://schemas.xmlsoap.org/soap/envelope/");
const QString kXsiNs = QStringLiteral("http://www.w3.org/2001/XMLSchema-instance");
const QString kXsdNs = QStringLiteral("http://www.w3.org/2001/XMLSchema");
const QString kVimNs = QStringLiteral("urn:vim25");

Error notSoap(const QString& why)
{
    return Error::make(errc::kVsphereBadResponse,
                       QObject::tr("The server's answer is not a vSphere SOAP response. Check that the host and "
                                   "port point at a vCenter Server or ESXi host."),
                       why);
}

SoapFault faultFrom(const XmlElement& f)
{
    SoapFault fault;
    fault.message = f.textAt(u"faultstring").trimmed();
    const XmlElement* detail = f.child(u"detail");
    if (detail && !detail->children.isEmpty()) {
        fault.detail = detail->children.first();
        fault.type = fault.detail.typeName();
        if (fault.detail.xsiType.isEmpty() && fault.type.endsWith(u"Fault"))
            fault.type.chop(5); // <InvalidLoginFault> without xsi:type
    }
    if (fault.type.isEmpty()) {
        // No typed detail: fall back to the faultcode ("ServerFaultCode" carries no type).
        QString code = f.textAt(u"faultcode").trimmed();
        code = code.mid(code.lastIndexOf(u':') + 1);
        fault.type = code.isEmpty() ? QStringLiteral("SystemError") : code;
    }
    return fault;
}
} // namespace

QByteArray buildEnvelope(const QString& method, const BodyWriter& args)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.writeStartDocument();
    w.writeNamespace(kSoapNs, QStringLiteral("soapenv"));
    w.writeNamespace(kXsdNs, QStringLiteral("xsd"));
    w.writeNamespace(kXsiNs, QStringLiteral("xsi"));
    w.writeStartElement(kSoapNs, QStringLiteral("Envelope"));
    w.writeStartElement(kSoapNs, QStringLiteral("Body"));
    w.writeStartElement(method);
    w.writeDefaultNamespace(kVimNs);
    if (args)
        args(w);
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

void writeMoRef(QXmlStreamWriter& w, const QString& element, const MoRef& ref)
{
    w.writeStartElement(element);
    w.writeAttribute(QStringLiteral("type"), ref.type);
    w.writeCharacters(ref.value);
    w.writeEndElement();
}

void writeText(QXmlStreamWriter& w, const QString& element, const QString& value)
{
    w.writeTextElement(element, value);
}

void writeTypedStart(QXmlStreamWriter& w, const QString& element, const QString& xsiType)
{
    w.writeStartElement(element);
    w.writeAttribute(kXsiNs, QStringLiteral("type"), xsiType);
}

Result<SoapReply> parseEnvelope(const QByteArray& data)
{
    auto doc = parseXml(data);
    if (!doc)
        return std::unexpected(doc.error());
    if (doc->name != u"Envelope")
        return std::unexpected(notSoap(u"document element is <" + doc->name + u">, not <Envelope>"));
    const XmlElement* body = doc->child(u"Body");
    if (!body || body->children.isEmpty())
        return std::unexpected(notSoap(QStringLiteral("the envelope has no Body content")));
    SoapReply reply;
    const XmlElement& first = body->children.first();
    if (first.name == u"Fault")
        reply.fault = faultFrom(first);
    else
        reply.response = first;
    return reply;
}

Error faultError(const SoapFault& f, const QString& method)
{
    const QString detail = method + u": " + f.type + (f.message.isEmpty() ? QString() : u": " + f.message);
    auto make = [&](const char* code, const QString& message) {
        return Error::make(QString::fromLatin1(code), message, detail);
    };
    const QString& t = f.type;
    if (t == u"InvalidLogin")
        return make("vsphere.invalid_login",
                    QObject::tr("vSphere rejected the user name or password. Check both and set the password again."));
    if (t == u"NotAuthenticated")
        return make("vsphere.not_authenticated",
                    QObject::tr("The vSphere session has expired or was closed. Connect again."));
    if (t == u"NoPermission")
        return make("vsphere.no_permission",
                    QObject::tr("The vSphere user lacks the privilege %1. Ask the vSphere administrator to grant it.")
                        .arg(f.detail.textAt(u"privilegeId", QStringLiteral("?"))));
    if (t == u"InvalidPowerState")
        return make("vsphere.invalid_power_state",
                    QObject::tr("The VM is %1 but this needs it %2. Check its power state and try again.")
                        .arg(f.detail.textAt(u"existingState", QObject::tr("in another power state")),
                             f.detail.textAt(u"requestedState", QObject::tr("in another power state"))));
    if (t == u"ManagedObjectNotFound")
        return make("vsphere.object_not_found",
                    QObject::tr("The vSphere object no longer exists (it was deleted or moved). Refresh the "
                                "inventory and try again."));
    if (t == u"InvalidState" || t == u"InvalidDatastoreState" || t == u"InvalidHostState")
        return make("vsphere.invalid_state",
                    QObject::tr("vSphere cannot do this in the object's current state. Wait for other operations "
                                "on it to finish, then try again."));
    if (t == u"TaskInProgress")
        return make("vsphere.task_in_progress",
                    QObject::tr("Another vSphere task is running on this VM. Wait for it to finish, then try again."));
    if (t == u"ToolsUnavailable")
        return make("vsphere.tools_unavailable",
                    QObject::tr("VMware Tools are not running in the guest, so it cannot be shut down gracefully."));
    if (t == u"FileNotFound" || t == u"FileFault")
        return make("vsphere.file_error",
                    QObject::tr("vSphere could not access a file of the VM. Check its datastore in vSphere."));
    if (t == u"RequestCanceled")
        return make("vsphere.cancelled", QObject::tr("The vSphere operation was cancelled."));
    if (t == u"InvalidArgument" || t == u"InvalidRequest" || t == u"InvalidProperty" || t == u"InvalidType")
        return make("vsphere.invalid_request",
                    QObject::tr("vSphere did not understand a request from XMS. This is a bug or an unsupported "
                                "vSphere version; report it with the detail."));
    if (t == u"NotSupported" || t == u"NotImplemented" || t == u"MethodNotFound")
        return make("vsphere.not_supported", QObject::tr("This vSphere server does not support the operation."));
    if (t == u"HostNotConnected" || t == u"HostCommunication" || t == u"HostNotReachable")
        return make("vsphere.host_unreachable",
                    QObject::tr("vCenter cannot reach the ESXi host of the VM. Check the host in vSphere."));
    return make("vsphere.fault",
                QObject::tr("vSphere reported an error: %1").arg(f.message.isEmpty() ? f.type : f.message));
}

Error localizedFaultError(const XmlElement& lf, const QString& what)
{
    SoapFault f;
    f.message = lf.textAt(u"localizedMessage").trimmed();
    if (const XmlElement* inner = lf.child(u"fault")) {
        f.detail = *inner;
        f.type = inner->typeName();
    }
    if (f.type.isEmpty())
        f.type = QStringLiteral("SystemError");
    return faultError(f, what);
}

} // namespace xms::vsphere
