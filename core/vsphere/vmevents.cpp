#include "vmevents.h"

#include "session.h"
#include "soapenvelope.h"

#include <QXmlStreamWriter>

namespace xms::vsphere::vmevents {

void poweredOnSince(Session& session, const MoRef& vm, const QDateTime& since,
                    std::function<void(Result<std::optional<QDateTime>>)> done)
{
    const MoRef eventManager = session.serviceContent().eventManager;
    session.call(
        QStringLiteral("QueryEvents"),
        [eventManager, vm, since](QXmlStreamWriter& w) {
            writeMoRef(w, QStringLiteral("_this"), eventManager);
            w.writeStartElement(QStringLiteral("filter"));
            w.writeStartElement(QStringLiteral("entity"));
            writeMoRef(w, QStringLiteral("entity"), vm);
            w.writeTextElement(QStringLiteral("recursion"), QStringLiteral("self"));
            w.writeEndElement();
            w.writeStartElement(QStringLiteral("time"));
            w.writeTextElement(QStringLiteral("beginTime"), since.toUTC().toString(Qt::ISODateWithMs));
            w.writeEndElement();
            w.writeTextElement(QStringLiteral("eventTypeId"), QStringLiteral("VmPoweredOnEvent"));
            w.writeEndElement();
        },
        [since, done = std::move(done)](Result<XmlElement> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            std::optional<QDateTime> first;
            for (const XmlElement* e : r->all(u"returnval")) {
                if (e->typeName() != u"VmPoweredOnEvent")
                    continue; // the filter asked for these only; a server that ignores it is not believed
                const QDateTime at = QDateTime::fromString(e->textAt(u"createdTime"), Qt::ISODate);
                if (at.isValid() && at >= since && (!first || at < *first))
                    first = at;
            }
            done(first);
        });
}

} // namespace xms::vsphere::vmevents
