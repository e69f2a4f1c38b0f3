#pragma once
#include "../engine/jobrunner.h"
