#include "secretrecord.h"

#include "secrets/secretstore.h"

namespace xms::secretrecord {

namespace {

// Puts back what the keychain held before a failed save, then reports the save's error.
void restore(const QString& key, const std::optional<QString>& previous, QObject* context, const Error& error,
             const Done& done)
{
    auto report = [error, done](Status) { done(std::unexpected(error)); };
    if (previous)
        SecretStore::backend().write(key, *previous, context, report);
    else
        SecretStore::backend().remove(key, context, report);
}

} // namespace

void later(QObject* context, std::function<void()> fn)
{
    QMetaObject::invokeMethod(context, std::move(fn), Qt::QueuedConnection);
}

void save(const QString& key, const std::optional<QString>& secret, QObject* context,
          std::function<Status()> saveRecord, Done done)
{
    if (!secret)
        return later(context, [saveRecord, done] { done(saveRecord()); });
    SecretStore::backend().read(key, context, [=](Result<QString> old) {
        // Any failure to read (absent, or no keychain) means there is nothing to restore; a keychain
        // that cannot be reached fails the write below with its own message.
        const std::optional<QString> previous = old ? std::optional<QString>(*old) : std::nullopt;
        SecretStore::backend().write(key, *secret, context, [=](Status written) {
            if (!written)
                return done(written);
            if (Status saved = saveRecord(); !saved)
                return restore(key, previous, context, saved.error(), done);
            done({});
        });
    });
}

void removeAll(QStringList keys, QObject* context, Done done)
{
    if (keys.isEmpty())
        return later(context, [done] { done({}); });
    const QString key = keys.takeFirst();
    SecretStore::backend().remove(key, context, [=](Status removed) {
        removeAll(keys, context, [removed, done](Status rest) { done(!removed ? removed : rest); });
    });
}

} // namespace xms::secretrecord
