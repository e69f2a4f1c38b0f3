#include "networkmap.h"

#include "common/errorcodes.h"

#include <QCoreApplication>

namespace xms {

namespace {

// lupdate files these free-function tr() calls under the enclosing namespace.
QString tr(const char* text)
{
    return QCoreApplication::translate("xms", text);
}

std::unexpected<Error> bad(const QString& text, const QString& problem)
{
    return fail(errc::kInputNetworkMap,
                tr("Bad --network-map '%1': %2. Use SOURCE=NETWORK[/SUBNET][,keep-mac], for example "
                   "'VM Network=internal-net/internal-subnet,keep-mac'.")
                    .arg(text, problem));
}

} // namespace

Result<NicMapping> parseNetworkMap(const QString& text)
{
    const qsizetype eq = text.indexOf(u'=');
    if (eq < 0)
        return bad(text, tr("no '=' between the source network and the target network"));
    NicMapping m;
    m.sourceNetwork = text.left(eq).trimmed();
    if (m.sourceNetwork.isEmpty())
        return bad(text, tr("the source network before '=' is empty"));

    QString target = text.mid(eq + 1);
    // Options follow the last comma; network names may not contain a comma in this syntax.
    const QStringList parts = target.split(u',');
    target = parts.first().trimmed();
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString opt = parts.at(i).trimmed();
        if (opt == u"keep-mac")
            m.keepMac = true;
        else if (opt.isEmpty())
            return bad(text, tr("an empty option after ','"));
        else
            return bad(text, tr("unknown option '%1' (the only option is keep-mac)").arg(opt));
    }

    const qsizetype slash = target.indexOf(u'/');
    m.targetNetwork = (slash < 0 ? target : target.left(slash)).trimmed();
    if (slash >= 0) {
        m.targetSubnet = target.mid(slash + 1).trimmed();
        if (m.targetSubnet.isEmpty())
            return bad(text, tr("the subnet after '/' is empty"));
        if (m.targetSubnet.contains(u'/'))
            return bad(text, tr("more than one '/' in '%1'").arg(target));
    }
    if (m.targetNetwork.isEmpty())
        return bad(text, tr("the target network after '=' is empty"));
    return m;
}

Result<QList<NicMapping>> parseNetworkMaps(const QStringList& texts)
{
    QList<NicMapping> out;
    for (const QString& t : texts) {
        auto m = parseNetworkMap(t);
        if (!m)
            return std::unexpected(m.error());
        for (const NicMapping& seen : out) {
            if (seen.sourceNetwork == m->sourceNetwork)
                return bad(t, tr("'%1' is already mapped by an earlier --network-map").arg(m->sourceNetwork));
        }
        out.append(*m);
    }
    return out;
}

} // namespace xms
