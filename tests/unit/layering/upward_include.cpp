// Compiled with the store module's include path by core_layering: the store may not see the engine,
// so this must fail to compile. If it ever compiles, a module can include upwards again.
#include "engine/jobrunner.h"
