#include "text.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace xms {

namespace {

// Replaces the lowest-numbered %N markers with args in order, in one pass (as QString::arg(a, b, …) does:
// an argument's own "%1" is never substituted again).
QString substitute(const QString& pattern, const QStringList& args)
{
    if (args.isEmpty())
        return pattern;
    QList<int> numbers;
    for (qsizetype i = 0; i + 1 < pattern.size(); ++i) {
        if (pattern.at(i) != u'%' || !pattern.at(i + 1).isDigit())
            continue;
        int n = pattern.at(i + 1).digitValue();
        if (i + 2 < pattern.size() && pattern.at(i + 2).isDigit())
            n = n * 10 + pattern.at(i + 2).digitValue();
        if (n > 0 && !numbers.contains(n))
            numbers.append(n);
    }
    std::sort(numbers.begin(), numbers.end());
    QString out;
    out.reserve(pattern.size());
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (pattern.at(i) == u'%' && i + 1 < pattern.size() && pattern.at(i + 1).isDigit()) {
            int n = pattern.at(i + 1).digitValue();
            qsizetype len = 2;
            if (i + 2 < pattern.size() && pattern.at(i + 2).isDigit()) {
                n = n * 10 + pattern.at(i + 2).digitValue();
                len = 3;
            }
            const qsizetype rank = numbers.indexOf(n);
            if (rank >= 0 && rank < args.size()) {
                out += args.at(rank);
                i += len - 1;
                continue;
            }
        }
        out += pattern.at(i);
    }
    return out;
}

} // namespace

bool Text::operator==(const Text& other) const
{
    return m_context == other.m_context && m_source == other.m_source && m_disambiguation == other.m_disambiguation
        && m_n == other.m_n && m_args == other.m_args;
}

Text Text::literal(const QString& text)
{
    Text t;
    t.m_source = text;
    return t;
}

Text Text::translate(const char* context, const char* source, const char* disambiguation, int n)
{
    Text t;
    t.m_context = QString::fromUtf8(context);
    t.m_source = QString::fromUtf8(source);
    t.m_disambiguation = QString::fromUtf8(disambiguation);
    t.m_n = n;
    return t;
}

Text Text::arg(const QString& a) const
{
    return arg(literal(a));
}

Text Text::arg(const Text& a) const
{
    Text t = *this;
    t.m_args.push_back(a);
    return t;
}

QString Text::toString() const
{
    return render(true);
}

QString Text::toSourceString() const
{
    return render(false);
}

QString Text::render(bool translated) const
{
    QString pattern = m_source;
    if (translated && isTranslatable()) {
        const QByteArray context = m_context.toUtf8();
        const QByteArray source = m_source.toUtf8();
        const QByteArray disambiguation = m_disambiguation.toUtf8();
        pattern = QCoreApplication::translate(context.constData(), source.constData(),
                                              m_disambiguation.isEmpty() ? nullptr : disambiguation.constData(), m_n);
    } else if (m_n >= 0) {
        pattern.replace(QStringLiteral("%n"), QString::number(m_n)); // as translate() does with no catalogue
    }
    QStringList args;
    args.reserve(qsizetype(m_args.size()));
    for (const Text& a : m_args)
        args.append(a.render(translated));
    return substitute(pattern, args);
}

QJsonValue Text::toJson() const
{
    if (!isTranslatable() && m_args.empty())
        return m_source;
    QJsonObject o {{QStringLiteral("c"), m_context}, {QStringLiteral("s"), m_source}};
    if (!m_disambiguation.isEmpty())
        o.insert(QStringLiteral("d"), m_disambiguation);
    if (m_n >= 0)
        o.insert(QStringLiteral("n"), m_n);
    if (!m_args.empty()) {
        QJsonArray args;
        for (const Text& a : m_args)
            args.append(a.toJson());
        o.insert(QStringLiteral("a"), args);
    }
    return o;
}

Text Text::fromJson(const QJsonValue& json)
{
    if (json.isString())
        return literal(json.toString());
    const QJsonObject o = json.toObject();
    Text t;
    t.m_context = o.value(QStringLiteral("c")).toString();
    t.m_source = o.value(QStringLiteral("s")).toString();
    t.m_disambiguation = o.value(QStringLiteral("d")).toString();
    t.m_n = o.value(QStringLiteral("n")).toInt(-1);
    for (const QJsonValue& a : o.value(QStringLiteral("a")).toArray())
        t.m_args.push_back(fromJson(a));
    return t;
}

} // namespace xms
