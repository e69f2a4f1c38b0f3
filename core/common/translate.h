#pragma once

#include <QCoreApplication>
#include <QString>

#include <initializer_list>

namespace xms {

// For files that translate through a free tr() helper: lupdate files such a call under the namespace or
// class it appears in, so one file's strings can sit in several contexts. Looks in each until one
// has the text; the source text otherwise.
inline QString translateIn(std::initializer_list<const char*> contexts, const char* text)
{
    for (const char* context : contexts) {
        QString t = QCoreApplication::translate(context, text);
        if (t != QString::fromUtf8(text))
            return t;
    }
    return QString::fromUtf8(text);
}

} // namespace xms
