#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace xms::ui {

// Settings ▸ Job Store: this computer's own database, or a PostgreSQL server shared with workers on other
// hosts (issue 16). The URL is saved for this XMS_HOME, the password in the keychain; both take effect
// when XMS Desktop starts next. "Test Connection" opens the store off the GUI thread.
class JobStoreTab : public QWidget
{
    Q_OBJECT
public:
    explicit JobStoreTab(QWidget* parent = nullptr);
    // Saves the choice (and a password typed here); an error message, or empty when saved.
    QString apply();
    QLineEdit* urlEdit() const { return m_url; }
    QLabel* statusLabel() const { return m_status; }

signals:
    void tested(bool ok); // after Test Connection answered

private:
    void test();
    void updateEnabled();

    QRadioButton* m_local;
    QRadioButton* m_shared;
    QLineEdit* m_url;
    QLineEdit* m_password;
    QPushButton* m_test;
    QLabel* m_status;
    QString m_initial; // the URL saved when the tab opened
};

} // namespace xms::ui
