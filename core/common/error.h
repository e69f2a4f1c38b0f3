#pragma once

#include <QLatin1StringView>
#include <QString>
#include <expected>

namespace xms {

// An error as a value: a stable code for programs, a message for people (saying what to do when we
// know), and technical detail for logs and bug reports. Never holds a secret.
struct Error
{
    QString code; // dotted and stable, e.g. "vsphere.invalid_login"
    QString message; // translated, one or two sentences, ends with the fix when known
    QString detail; // server text, HTTP status, errno … for the log and "Details" views

    static Error make(QString code, QString message, QString detail = {});

    bool is(QStringView c) const { return code == c; }
    bool is(QLatin1StringView c) const { return code == c; } // errc::k… (common/errorcodes.h)
    bool operator==(const Error&) const = default;
    // "message (detail)" — what a CLI prints on one line.
    QString toString() const;
};

template<typename T> using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(QString code, QString message, QString detail = {})
{
    return std::unexpected(Error::make(std::move(code), std::move(message), std::move(detail)));
}

} // namespace xms
