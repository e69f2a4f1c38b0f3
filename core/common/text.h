#pragma once

#include <QJsonValue>
#include <QString>
#include <concepts>
#include <vector>

namespace xms {

// A text for people, translated where it is read rather than where it is made. A worker (which may run
// in another language than its readers, or in none) keeps the source text, its context and its
// arguments; each reader renders them in its own language. This is the core's one way to make a
// translatable message:
//   Text::translate("xms::JobRunner", "Migration of %1 started").arg(vm)   // lupdate reads this call
//   Text::literal(serverMessage)                                            // not ours to translate
// toString() renders now, in this process's language.
class Text
{
public:
    Text() = default;
    static Text literal(const QString& text);
    // n: the count for a "%n" plural, as in QCoreApplication::translate.
    static Text translate(const char* context, const char* source, const char* disambiguation = nullptr, int n = -1);

    // Fill the lowest-numbered %1…%99 left, like QString::arg; an argument may itself be a Text.
    Text arg(const QString& a) const;
    Text arg(const Text& a) const;
    template<std::integral N> Text arg(N a) const { return arg(QString::number(a)); } // as QString::arg(int …)
    Text arg(double a, int fieldWidth = 0, char format = 'g', int precision = -1) const
    {
        return arg(QStringLiteral("%1").arg(a, fieldWidth, format, precision));
    }
    Text arg(const QString& a1, const QString& a2) const { return arg(a1).arg(a2); }
    Text arg(const QString& a1, const QString& a2, const QString& a3) const { return arg(a1).arg(a2).arg(a3); }

    bool isEmpty() const { return m_source.isEmpty(); }
    bool isTranslatable() const { return !m_context.isEmpty(); }
    QString toString() const; // rendered in this process's language
    QString toSourceString() const; // rendered untranslated (English: the source language)
    QString source() const { return m_source; } // the untranslated text (a literal's text)

    // The stored form: a literal is a JSON string; a translatable text {"c","s","d","n","a"}.
    QJsonValue toJson() const;
    static Text fromJson(const QJsonValue& json);

    bool operator==(const Text& other) const;

private:
    QString render(bool translated) const;

    QString m_context; // empty: a literal
    QString m_source;
    QString m_disambiguation;
    int m_n = -1;
    std::vector<Text> m_args; // not QList: Qt's container traits cannot recurse into the type being defined
};

} // namespace xms
