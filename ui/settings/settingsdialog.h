#pragma once

#include "store/store.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QSpinBox;
class QStandardItemModel;
class QTabWidget;

namespace xms::ui {

class JobStoreTab;

// Settings: source environments, Xloud clouds, network-mapping profiles and the workstation's worker
// settings. Changes to environments, clouds and profiles apply at once; General applies on OK.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(Store store, QWidget* parent = nullptr);

    QTabWidget* tabs() const { return m_tabs; }
    QStandardItemModel* environmentsModel() const { return m_envModel; }
    QStandardItemModel* cloudsModel() const { return m_cloudModel; }
    QStandardItemModel* profilesModel() const { return m_profileModel; }
    JobStoreTab* jobStoreTab() const { return m_storeTab; }
    // Profiles manager operations (also used by tests).
    Status renameProfile(const QString& from, const QString& to);
    Status removeProfile(const QString& name);
    Status exportProfile(const QString& name, const QString& file) const;
    Result<QString> importProfile(const QString& file, const QString& name = {});
    // Record, keychain secrets and caches, like `xms source delete` / `xms cloud delete`.
    void removeEnvironment(const QString& name);
    void removeCloud(const QString& name);

    void accept() override;

private:
    QWidget* createEnvironmentsTab();
    QWidget* createCloudsTab();
    QWidget* createProfilesTab();
    QWidget* createGeneralTab();
    void reload();
    QString selected(QListView* view) const;
    void showMessage(const QString& text);

    Store m_store;
    QTabWidget* m_tabs;
    QStandardItemModel* m_envModel;
    QStandardItemModel* m_cloudModel;
    QStandardItemModel* m_profileModel;
    QListView* m_envView = nullptr;
    QListView* m_cloudView = nullptr;
    QListView* m_profileView = nullptr;
    QSpinBox* m_slots = nullptr;
    QSpinBox* m_exports = nullptr;
    QSpinBox* m_keepDays = nullptr;
    QLineEdit* m_staging = nullptr;
    QLineEdit* m_virtio = nullptr;
    QComboBox* m_verifyBoot = nullptr;
    JobStoreTab* m_storeTab = nullptr;
    QLabel* m_message;
};

} // namespace xms::ui
