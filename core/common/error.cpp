#include "error.h"

namespace xms {

Error Error::make(QString code, QString message, QString detail)
{
    return Error{std::move(code), std::move(message), std::move(detail)};
}

QString Error::toString() const
{
    if (detail.isEmpty() || detail == message)
        return message;
    return message + u" (" + detail + u')';
}

} // namespace xms
