#include "preflightresult.h"

#include "common/text.h"

#include <QJsonArray>

namespace xms {

QString verdictName(Verdict v)
{
    switch (v) {
    case Verdict::Pass:
        return Text::translate("xms", "Pass").toString();
    case Verdict::Warn:
        return Text::translate("xms", "Warn").toString();
    case Verdict::Block:
        return Text::translate("xms", "Block").toString();
    }
    return {};
}

QString verdictKey(Verdict v)
{
    switch (v) {
    case Verdict::Pass:
        return QStringLiteral("pass");
    case Verdict::Warn:
        return QStringLiteral("warn");
    case Verdict::Block:
        return QStringLiteral("block");
    }
    return {};
}

QJsonObject PreflightCheck::toJson() const
{
    return {{QStringLiteral("category"), category},
            {QStringLiteral("key"), key},
            {QStringLiteral("verdict"), verdictKey(verdict)},
            {QStringLiteral("message"), message},
            {QStringLiteral("fix"), fix}};
}

void PreflightReport::add(PreflightCheck c)
{
    verdict = std::max(verdict, c.verdict);
    checks.append(std::move(c));
}

QList<PreflightCheck> PreflightReport::failing() const
{
    QList<PreflightCheck> out;
    for (Verdict v : {Verdict::Block, Verdict::Warn})
        for (const PreflightCheck& c : checks)
            if (c.verdict == v)
                out.append(c);
    return out;
}

QString PreflightReport::summary() const
{
    const QList<PreflightCheck> bad = failing();
    if (bad.isEmpty())
        return Text::translate("xms::PreflightReport", "Pass: %n check(s) passed", nullptr, int(checks.size()))
            .toString();
    QStringList parts;
    for (const PreflightCheck& c : bad)
        parts.append(c.message);
    return verdictName(verdict) + u": " + parts.join(QStringLiteral("; "));
}

QJsonObject PreflightReport::toJson() const
{
    QJsonArray list;
    for (const PreflightCheck& c : checks)
        list.append(c.toJson());
    QJsonObject o {
        {QStringLiteral("vm"), vm}, {QStringLiteral("verdict"), verdictKey(verdict)}, {QStringLiteral("checks"), list}};
    if (estimate)
        o.insert(QStringLiteral("estimate"), estimate->toJson());
    return o;
}

QJsonObject Estimate::toJson() const
{
    return {{QStringLiteral("seconds"), double(seconds)},
            {QStringLiteral("disk_bytes"), double(diskBytes)},
            {QStringLiteral("basis"), basis}};
}

Verdict verdictFromKey(QStringView key)
{
    for (Verdict v : {Verdict::Warn, Verdict::Block})
        if (key == verdictKey(v))
            return v;
    return Verdict::Pass;
}

PreflightCheck PreflightCheck::fromJson(const QJsonObject& o)
{
    return {o.value(u"category").toString(), o.value(u"key").toString(), verdictFromKey(o.value(u"verdict").toString()),
            o.value(u"message").toString(), o.value(u"fix").toString()};
}

Estimate Estimate::fromJson(const QJsonObject& o)
{
    Estimate e;
    e.seconds = qint64(o.value(u"seconds").toDouble());
    e.diskBytes = qint64(o.value(u"disk_bytes").toDouble());
    e.basis = o.value(u"basis").toString();
    return e;
}

PreflightReport PreflightReport::fromJson(const QJsonObject& o)
{
    PreflightReport r;
    r.vm = o.value(u"vm").toString();
    for (const QJsonValue& c : o.value(u"checks").toArray())
        r.checks.append(PreflightCheck::fromJson(c.toObject()));
    r.verdict = verdictFromKey(o.value(u"verdict").toString());
    if (o.value(u"estimate").isObject())
        r.estimate = Estimate::fromJson(o.value(u"estimate").toObject());
    return r;
}

} // namespace xms
