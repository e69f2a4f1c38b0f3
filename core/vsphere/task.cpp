#include "task.h"

#include "propertycollector.h"
#include "session.h"
#include "soapenvelope.h"

#include <QPointer>
#include <QTimer>

namespace xms::vsphere {

void Task::wait(Session& session, const MoRef& task, QObject* context, Done done, int intervalMs)
{
    PropertyCollector::retrieveOne(
        session, task, {QStringLiteral("Task"), {QStringLiteral("info")}},
        [&session, task, ctx = QPointer<QObject>(context), done = std::move(done),
         intervalMs](Result<ObjectContent> r) {
            if (!ctx)
                return;
            if (!r)
                return done(std::unexpected(r.error()));
            const XmlElement* info = r->prop(QStringLiteral("info"));
            const QString state = info ? info->textAt(u"state") : QString();
            if (state == u"success") {
                const XmlElement* result = info->child(u"result");
                return done(result ? *result : XmlElement {});
            }
            if (state == u"error") {
                const XmlElement* err = info->child(u"error");
                return done(std::unexpected(
                    localizedFaultError(err ? *err : XmlElement {}, info->textAt(u"descriptionId", task.value))));
            }
            QTimer::singleShot(intervalMs, ctx.data(), [&session, task, ctx, done, intervalMs] {
                wait(session, task, ctx.data(), done, intervalMs);
            });
        });
}

} // namespace xms::vsphere
