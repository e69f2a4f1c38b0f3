// The control for upward_include.cpp: with the same flags, a header of a module the store uses compiles.
#include "model/jobrecords.h"
