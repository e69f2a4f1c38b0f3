#include "poweron.h"

#include "session.h"
#include "soapenvelope.h"
#include "task.h"

#include <QXmlStreamWriter>

namespace xms::vsphere {

void PowerOn::start(Session& session, const MoRef& vm, QObject* context, Done done)
{
    session.call(
        QStringLiteral("PowerOnVM_Task"), [vm](QXmlStreamWriter& w) { writeMoRef(w, QStringLiteral("_this"), vm); },
        [&session, context, done = std::move(done)](Result<XmlElement> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            Task::wait(session, moRefFrom(r->child(u"returnval")), context,
                       [done](Result<XmlElement> t) { done(t ? Status {} : Status(std::unexpected(t.error()))); });
        });
}

} // namespace xms::vsphere
