#pragma once

#include "common/error.h"
#include "moref.h"
#include "xmlelement.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <optional>

class QXmlStreamWriter;

namespace xms::vsphere {

// Writes a method's arguments inside <Method xmlns="urn:vim25">…</Method>.
using BodyWriter = std::function<void(QXmlStreamWriter&)>;

// The SOAP 1.1 request for one vim25 method call.
QByteArray buildEnvelope(const QString& method, const BodyWriter& args);
void writeMoRef(QXmlStreamWriter& w, const QString& element, const MoRef& ref);
void writeText(QXmlStreamWriter& w, const QString& element, const QString& value);
// An element carrying xsi:type, as the API wants for polymorphic arguments (TraversalSpec …).
void writeTypedStart(QXmlStreamWriter& w, const QString& element, const QString& xsiType);

struct SoapFault
{
    QString type; // "InvalidLogin", "NotAuthenticated" … (from detail's xsi:type, or the faultcode)
    QString message; // faultstring, the server's text
    XmlElement detail; // the typed fault object (e.g. InvalidPowerState's existingState); may be empty
};

// A parsed response: the <XxxResponse> element, or the fault.
struct SoapReply
{
    XmlElement response;
    std::optional<SoapFault> fault;
    // <returnval> of the response (the method's result); nullptr for void methods.
    const XmlElement* returnval() const { return response.child(u"returnval"); }
};

// Parses a response envelope. A well-formed fault is a SoapReply with fault set; only a body that is not
// a SOAP envelope is an error ("vsphere.bad_response").
Result<SoapReply> parseEnvelope(const QByteArray& data);

// The typed error for a fault, with a message that says what to do. method names the call for the detail.
Error faultError(const SoapFault& fault, const QString& method);
// The same for a LocalizedMethodFault (TaskInfo.error, HttpNfcLease.error): {fault xsi:type, localizedMessage}.
Error localizedFaultError(const XmlElement& localizedFault, const QString& what);

} // namespace xms::vsphere
