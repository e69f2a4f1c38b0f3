#include "networkmap.h"

#include "common/errorcodes.h"
#include "common/text.h"

#include <QCoreApplication>

namespace xms {

namespace {

std::unexpected<Error> bad(const QString& text, const QString& problem)
{
    return fail(errc::kInputNetworkMap,
                Text::translate("xms",
                                "Bad --network-map '%1': %2. Use SOURCE=NETWORK[/SUBNET][,keep-mac][,keep-ip], for "
                                "example 'VM Network=internal-net/internal-subnet,keep-mac,keep-ip'.")
                    .toString()
                    .arg(text, problem));
}

} // namespace

Result<NicMapping> parseNetworkMap(const QString& text)
{
    const qsizetype eq = text.indexOf(u'=');
    if (eq < 0)
        return bad(text, Text::translate("xms", "no '=' between the source network and the target network").toString());
    NicMapping m;
    m.sourceNetwork = text.left(eq).trimmed();
    if (m.sourceNetwork.isEmpty())
        return bad(text, Text::translate("xms", "the source network before '=' is empty").toString());

    QString target = text.mid(eq + 1);
    // Options follow the last comma; network names may not contain a comma in this syntax.
    const QStringList parts = target.split(u',');
    target = parts.first().trimmed();
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString opt = parts.at(i).trimmed();
        if (opt == u"keep-mac")
            m.keepMac = true;
        else if (opt == u"keep-ip")
            m.keepIp = true;
        else if (opt.isEmpty())
            return bad(text, Text::translate("xms", "an empty option after ','").toString());
        else
            return bad(text,
                       Text::translate("xms", "unknown option '%1' (the options are keep-mac and keep-ip)")
                           .toString()
                           .arg(opt));
    }

    const qsizetype slash = target.indexOf(u'/');
    m.targetNetwork = (slash < 0 ? target : target.left(slash)).trimmed();
    if (slash >= 0) {
        m.targetSubnet = target.mid(slash + 1).trimmed();
        if (m.targetSubnet.isEmpty())
            return bad(text, Text::translate("xms", "the subnet after '/' is empty").toString());
        if (m.targetSubnet.contains(u'/'))
            return bad(text, Text::translate("xms", "more than one '/' in '%1'").toString().arg(target));
    }
    if (m.targetNetwork.isEmpty())
        return bad(text, Text::translate("xms", "the target network after '=' is empty").toString());
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
                return bad(t,
                           Text::translate("xms", "'%1' is already mapped by an earlier --network-map")
                               .toString()
                               .arg(m->sourceNetwork));
        }
        out.append(*m);
    }
    return out;
}

} // namespace xms
