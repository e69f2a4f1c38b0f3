#include "storereader.h"

#include <QThreadPool>

namespace xms {

namespace {
struct ReaderPool : QThreadPool
{
    ReaderPool()
    {
        setMaxThreadCount(1);
        setExpiryTimeout(-1);
    }
};
Q_GLOBAL_STATIC(ReaderPool, readerPool)
} // namespace

QThreadPool* storeReaderPool()
{
    return readerPool();
}

} // namespace xms
