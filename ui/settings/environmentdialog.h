#pragma once

#include "common/tlspolicy.h"
#include "model/records.h"
#include "store/store.h"

#include <QDialog>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace xms::ui {

// Add or edit a vSphere source environment. Save logs in first (like `xms source create`), then puts the
// password in the keychain and the record in the store; typing a new password rotates it.
class EnvironmentDialog : public QDialog
{
    Q_OBJECT
public:
    EnvironmentDialog(Store store, std::optional<EnvironmentRecord> existing, QWidget* parent = nullptr);

    void testConnection();
    void trustCertificate();
    void save();
    QString statusText() const;

signals:
    void saved(const QString& name);

private:
    EnvironmentRecord record() const;
    void updateTls();
    // Runs `then` with the typed password, or the stored one when the field is empty (editing).
    void withPassword(std::function<void(Result<QString>)> then);
    void setBusy(bool busy, const QString& text);
    void showError(const Error& error);

    Store m_store;
    bool m_editing;
    TlsPolicy m_tls;
    QLineEdit* m_name;
    QLineEdit* m_host;
    QSpinBox* m_port;
    QLineEdit* m_user;
    QLineEdit* m_password;
    QLineEdit* m_datacenter;
    QComboBox* m_tlsMode;
    QLineEdit* m_caFile;
    QLabel* m_pin;
    QLabel* m_status;
    QPushButton* m_test;
    QPushButton* m_trust;
    QPushButton* m_save;
};

} // namespace xms::ui
