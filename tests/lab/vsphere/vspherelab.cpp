#include "vspherelab.h"

#include "testutil.h"
#include "vsphere/discovery.h"
#include "vsphere/poweroff.h"
#include "vsphere/propertycollector.h"
#include "vsphere/soapenvelope.h"
#include "vsphere/task.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QXmlStreamWriter>

using namespace xms;
using namespace xms::vsphere;

namespace vspherelab {

QString env(const char* name)
{
    return QString::fromLocal8Bit(xms::test::requireEnv(name));
}

Session::Options options()
{
    Session::Options o;
    o.host = env("XMS_LAB_VC_HOST");
    o.port = env("XMS_LAB_VC_PORT").toInt();
    o.username = env("XMS_LAB_VC_USER");
    o.password = env("XMS_LAB_VC_PASSWORD");
    o.tls = TlsPolicy::pinned(env("XMS_LAB_VC_THUMBPRINT").toLatin1());
    o.timeoutMs = 60000;
    return o;
}

std::unique_ptr<Session> openSession(Session::Options o)
{
    auto s = std::make_unique<Session>(o);
    std::optional<Status> r;
    s->open([&](Status st) { r = st; });
    const Status st = await(r);
    if (!st)
        qFatal("cannot log in to the lab vCenter: %s", qPrintable(st.error().toString()));
    return s;
}

Result<Inventory> discover(Session& s, const QString& datacenter)
{
    std::optional<Result<Inventory>> r;
    Discovery::discover(s, datacenter, [&](Result<Inventory> inv) { r = inv; });
    return await(r);
}

VmInfo vm(Session& s, const QString& name)
{
    auto inv = discover(s);
    if (!inv)
        qFatal("discovery failed: %s", qPrintable(inv.error().toString()));
    auto v = Discovery::findVm(*inv, name);
    if (!v)
        qFatal("lab VM %s missing: %s", qPrintable(name), qPrintable(v.error().toString()));
    return *v;
}

Status powerOn(Session& s, const MoRef& vm)
{
    std::optional<Result<ObjectContent>> state;
    PropertyCollector::retrieveOne(s, vm, {QStringLiteral("VirtualMachine"), {QStringLiteral("runtime.powerState")}},
                                   [&](Result<ObjectContent> r) { state = r; });
    auto st = await(state);
    if (!st)
        return std::unexpected(st.error());
    if (st->text(QStringLiteral("runtime.powerState")) == u"poweredOn")
        return {};
    std::optional<Result<XmlElement>> task;
    s.call(
        QStringLiteral("PowerOnVM_Task"), [vm](QXmlStreamWriter& w) { writeMoRef(w, QStringLiteral("_this"), vm); },
        [&](Result<XmlElement> r) { task = r; });
    auto t = await(task);
    if (!t)
        return std::unexpected(t.error());
    QObject ctx;
    std::optional<Result<XmlElement>> done;
    Task::wait(
        s, moRefFrom(t->child(u"returnval")), &ctx, [&](Result<XmlElement> r) { done = r; }, 100);
    auto d = await(done);
    if (!d)
        return std::unexpected(d.error());
    return {};
}

Status powerOff(Session& s, const MoRef& vm)
{
    PowerOff op(s, vm, PowerOff::Options {5, 200});
    std::optional<Result<PowerOffResult>> r;
    op.start([&](Result<PowerOffResult> res) { r = res; });
    auto res = await(r);
    if (!res)
        return std::unexpected(res.error());
    return {};
}

QString leaseState(Session& s, const MoRef& lease)
{
    std::optional<Result<ObjectContent>> r;
    PropertyCollector::retrieveOne(s, lease, {QStringLiteral("HttpNfcLease"), {QStringLiteral("state")}},
                                   [&](Result<ObjectContent> res) { r = res; });
    auto res = await(r);
    return res ? res->text(QStringLiteral("state")) : u"<" + res.error().code + u'>';
}

QMap<QString, QByteArray> datastoreHashes()
{
    const QString root = env("XMS_LAB_VC_DATASTORE_DIR");
    QMap<QString, QByteArray> out;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        QCryptographicHash h(QCryptographicHash::Sha256);
        if (f.open(QIODevice::ReadOnly))
            h.addData(&f);
        out.insert(path.mid(root.size()), h.result().toHex());
    }
    return out;
}

QMap<QString, QByteArray> vmFileHashes(const QString& vm)
{
    QMap<QString, QByteArray> out;
    const auto all = datastoreHashes();
    for (auto it = all.begin(); it != all.end(); ++it)
        if (it.key().contains(vm) && !it.key().endsWith(u"vmware.log"))
            out.insert(it.key(), it.value());
    return out;
}

QString compareFiles(const QString& a, const QString& b)
{
    QFile fa(a), fb(b);
    if (!fa.open(QIODevice::ReadOnly) || !fb.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot open %1 or %2").arg(a, b);
    if (fa.size() != fb.size())
        return QStringLiteral("sizes differ: %1 has %2 bytes, %3 has %4").arg(a).arg(fa.size()).arg(b).arg(fb.size());
    constexpr qint64 kChunk = 8 << 20;
    for (qint64 offset = 0; offset < fa.size(); offset += kChunk) {
        const QByteArray x = fa.read(kChunk), y = fb.read(kChunk);
        if (x != y) {
            qint64 i = 0;
            while (i < x.size() && x[i] == y[i])
                ++i;
            return QStringLiteral("first difference at byte %1").arg(offset + i);
        }
    }
    return {};
}

} // namespace vspherelab
