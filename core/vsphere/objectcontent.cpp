#include "objectcontent.h"

namespace xms::vsphere {

const XmlElement* ObjectContent::prop(const QString& path) const
{
    auto it = props.constFind(path);
    return it == props.cend() ? nullptr : &it.value();
}

QString ObjectContent::text(const QString& path, const QString& fallback) const
{
    const XmlElement* e = prop(path);
    return e ? e->text : fallback;
}

QString parseRetrieveResult(const XmlElement* rv, QList<ObjectContent>& out, bool* notAuthenticated)
{
    if (!rv)
        return {}; // nothing matched: vSphere omits returnval
    for (const XmlElement* o : rv->all(u"objects")) {
        ObjectContent oc;
        oc.obj = moRefFrom(o->child(u"obj"));
        for (const XmlElement* p : o->all(u"propSet")) {
            const XmlElement* val = p->child(u"val");
            oc.props.insert(p->textAt(u"name"), val ? *val : XmlElement {});
        }
        for (const XmlElement* m : o->all(u"missingSet")) {
            oc.missing.append(m->textAt(u"path"));
            const XmlElement* f = m->at(u"fault/fault");
            if (notAuthenticated && f && f->typeName() == u"NotAuthenticated")
                *notAuthenticated = true;
        }
        out.append(std::move(oc));
    }
    return rv->textAt(u"token").trimmed();
}

} // namespace xms::vsphere
