#pragma once
#include "store/jobstore.h"
