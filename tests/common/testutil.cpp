#include "testutil.h"

#include <QtGlobal>

#include <cstdio>
#include <cstdlib>

namespace xms::test {

QByteArray requireEnv(const char* name)
{
    const QByteArray v = qgetenv(name);
    if (v.isEmpty()) {
        std::fprintf(stderr, "FATAL: %s is not set. This is a lab test: start the lab (tests/lab/lab up) and run it "
                             "through tests/lab/with-lab (ctest does).\n", name);
        std::exit(1);
    }
    return v;
}

} // namespace xms::test
