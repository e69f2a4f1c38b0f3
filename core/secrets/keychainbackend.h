#pragma once

#include "secretstore.h"

namespace xms {

// The OS keychain through QtKeychain. Maps its failures to errors that say how to fix them (the most
// common one on a headless or minimal desktop: no Secret Service running).
class KeychainBackend : public SecretBackend
{
public:
    explicit KeychainBackend(QString service = QStringLiteral("xms-desktop"));
    void read(const QString& key, QObject* context, ReadDone done) override;
    void write(const QString& key, const QString& secret, QObject* context, Done done) override;
    void remove(const QString& key, QObject* context, Done done) override;

private:
    QString m_service;
};

} // namespace xms
