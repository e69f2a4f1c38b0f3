#include "propertycollector.h"

#include "common/errorcodes.h"
#include "session.h"
#include "soapenvelope.h"

#include <QXmlStreamWriter>
#include <memory>

namespace xms::vsphere {

namespace {
void writeFilterSpec(QXmlStreamWriter& w, const FilterSpec& spec)
{
    w.writeStartElement(QStringLiteral("specSet"));
    for (const PropertySpec& p : spec.propSet) {
        w.writeStartElement(QStringLiteral("propSet"));
        writeText(w, QStringLiteral("type"), p.type);
        writeText(w, QStringLiteral("all"), QStringLiteral("false"));
        for (const QString& path : p.paths)
            writeText(w, QStringLiteral("pathSet"), path);
        w.writeEndElement();
    }
    if (!spec.containerView.isNull()) {
        w.writeStartElement(QStringLiteral("objectSet"));
        writeMoRef(w, QStringLiteral("obj"), spec.containerView);
        writeText(w, QStringLiteral("skip"), QStringLiteral("true")); // the view itself is not wanted
        writeTypedStart(w, QStringLiteral("selectSet"), QStringLiteral("TraversalSpec"));
        writeText(w, QStringLiteral("name"), QStringLiteral("view"));
        writeText(w, QStringLiteral("type"), QStringLiteral("ContainerView"));
        writeText(w, QStringLiteral("path"), QStringLiteral("view"));
        writeText(w, QStringLiteral("skip"), QStringLiteral("false"));
        w.writeEndElement();
        w.writeEndElement();
    }
    for (const MoRef& obj : spec.objects) {
        w.writeStartElement(QStringLiteral("objectSet"));
        writeMoRef(w, QStringLiteral("obj"), obj);
        writeText(w, QStringLiteral("skip"), QStringLiteral("false"));
        w.writeEndElement();
    }
    w.writeEndElement();
}

// Follows continuation tokens until the result is complete.
void continueFrom(Session& session, const QString& token, std::shared_ptr<QList<ObjectContent>> acc,
                  PropertyCollector::ObjectsDone done)
{
    const MoRef pc = session.serviceContent().propertyCollector;
    session.call(
        QStringLiteral("ContinueRetrievePropertiesEx"),
        [pc, token](QXmlStreamWriter& w) {
            writeMoRef(w, QStringLiteral("_this"), pc);
            writeText(w, QStringLiteral("token"), token);
        },
        [&session, acc, done = std::move(done)](Result<XmlElement> r) mutable {
            if (!r)
                return done(std::unexpected(r.error()));
            const QString next = parseRetrieveResult(r->child(u"returnval"), *acc);
            if (next.isEmpty())
                return done(std::move(*acc));
            continueFrom(session, next, acc, std::move(done));
        });
}
} // namespace

void PropertyCollector::retrieve(Session& session, const FilterSpec& spec, ObjectsDone done)
{
    retrieveFirst(session, spec, std::move(done), true);
}

void PropertyCollector::retrieveFirst(Session& session, const FilterSpec& spec, ObjectsDone done, bool mayRelogin)
{
    const MoRef pc = session.serviceContent().propertyCollector;
    session.call(
        QStringLiteral("RetrievePropertiesEx"),
        [pc, spec](QXmlStreamWriter& w) {
            writeMoRef(w, QStringLiteral("_this"), pc);
            writeFilterSpec(w, spec);
            w.writeStartElement(QStringLiteral("options"));
            writeText(w, QStringLiteral("maxObjects"), QString::number(kPageSize));
            w.writeEndElement();
        },
        [&session, spec, mayRelogin, done = std::move(done)](Result<XmlElement> r) mutable {
            if (!r)
                return done(std::unexpected(r.error()));
            auto acc = std::make_shared<QList<ObjectContent>>();
            bool notAuthenticated = false;
            const QString token = parseRetrieveResult(r->child(u"returnval"), *acc, &notAuthenticated);
            if (notAuthenticated) {
                if (!mayRelogin || !session.canReauthenticate())
                    return done(fail(errc::kVsphereNotAuthenticated,
                                     QObject::tr("The vSphere session has expired or was closed. Connect again.")));
                return session.reauthenticate([&session, spec, done = std::move(done)](Status s) mutable {
                    if (!s)
                        return done(std::unexpected(s.error()));
                    retrieveFirst(session, spec, std::move(done), false);
                });
            }
            if (token.isEmpty())
                return done(std::move(*acc));
            continueFrom(session, token, acc, std::move(done));
        });
}

void PropertyCollector::retrieveOne(Session& session, const MoRef& obj, const PropertySpec& props, ObjectDone done)
{
    FilterSpec spec;
    spec.propSet = {props};
    spec.objects = {obj};
    retrieve(session, spec, [obj, done = std::move(done)](Result<QList<ObjectContent>> r) {
        if (!r)
            return done(std::unexpected(r.error()));
        if (r->isEmpty())
            return done(fail(
                errc::kVsphereObjectNotFound,
                QObject::tr("The vSphere object %1 no longer exists. Refresh the inventory.").arg(obj.toString())));
        done(std::move(r->first()));
    });
}

void PropertyCollector::createContainerView(Session& session, const MoRef& container, const QStringList& types,
                                            RefDone done)
{
    const MoRef vm = session.serviceContent().viewManager;
    session.call(
        QStringLiteral("CreateContainerView"),
        [vm, container, types](QXmlStreamWriter& w) {
            writeMoRef(w, QStringLiteral("_this"), vm);
            writeMoRef(w, QStringLiteral("container"), container);
            for (const QString& t : types)
                writeText(w, QStringLiteral("type"), t);
            writeText(w, QStringLiteral("recursive"), QStringLiteral("true"));
        },
        [done = std::move(done)](Result<XmlElement> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            const MoRef view = moRefFrom(r->child(u"returnval"));
            if (view.isNull())
                return done(fail(errc::kVsphereBadResponse,
                                 QObject::tr("vSphere did not return the inventory view it was asked for."),
                                 QStringLiteral("CreateContainerView without returnval")));
            done(view);
        });
}

void PropertyCollector::destroyView(Session& session, const MoRef& view)
{
    session.call(
        QStringLiteral("DestroyView"), [view](QXmlStreamWriter& w) { writeMoRef(w, QStringLiteral("_this"), view); },
        [](Result<XmlElement>) {});
}

} // namespace xms::vsphere
