#include "testutil.h"

#include <QCryptographicHash>
#include <QFile>
#include <QtGlobal>
#include <cstdio>
#include <cstdlib>

namespace xms::test {

QByteArray requireEnv(const char* name)
{
    const QByteArray v = qgetenv(name);
    if (v.isEmpty()) {
        std::fprintf(stderr,
                     "FATAL: %s is not set. This is a lab test: start the lab (tests/lab/lab up) and run it "
                     "through tests/lab/with-lab (ctest does).\n",
                     name);
        std::exit(1);
    }
    return v;
}

QByteArray sha256OfFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

} // namespace xms::test
