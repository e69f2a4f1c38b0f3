#pragma once

#include "model/records.h"
#include "store/store.h"

#include <QDialog>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace xms::ui {

// Add or edit an Xloud cloud (Keystone v3 with a password or an application credential). Test logs in
// and resolves the catalog like `xms cloud test`; Save tests first, then keychain, then the record.
class CloudDialog : public QDialog
{
    Q_OBJECT
public:
    CloudDialog(Store store, std::optional<CloudRecord> existing, QWidget* parent = nullptr);
    void test();
    void save();
    QString statusText() const;
    QString warningText() const; // what the dialog warns about the Identity URL (plain http), or empty

signals:
    void saved(const QString& name);

private:
    CloudRecord record() const;
    void withSecret(const CloudRecord& c, std::function<void(Result<QString>)> then);
    void check(const CloudRecord& c, const QString& secret, std::function<void()> onSuccess);
    void setBusy(bool busy, const QString& text);
    void updateWarning();

    Store m_store;
    bool m_editing;
    QLineEdit* m_name;
    QLineEdit* m_authUrl;
    QComboBox* m_auth;
    QLineEdit* m_user;
    QLineEdit* m_userDomain;
    QLineEdit* m_appCredId;
    QLineEdit* m_secret;
    QLineEdit* m_project;
    QLineEdit* m_projectDomain;
    QLineEdit* m_region;
    QLineEdit* m_dashboard;
    QComboBox* m_tls;
    QLineEdit* m_caFile;
    QLabel* m_warning;
    QLabel* m_status;
    QPushButton* m_test;
    QPushButton* m_save;
};

} // namespace xms::ui
