#pragma once

#include "command.h"

namespace xms::cli::cloud {

Command createCommand(); // xms cloud create (cloudcreate.cpp)

} // namespace xms::cli::cloud
