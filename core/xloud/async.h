#pragma once

#include "common/error.h"

#include <functional>

namespace xms::xloud {

// Completion of an asynchronous call. It runs on the calling object's thread from its event loop, exactly
// once — unless the object that was asked is destroyed first, which cancels the call silently.
template<typename T> using Callback = std::function<void(Result<T>)>;
using StatusCallback = std::function<void(Status)>;

} // namespace xms::xloud
