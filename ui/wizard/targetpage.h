#pragma once

#include "xloud/resources.h"

#include <QWizardPage>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace xms::ui {

class FlavorModel;
class InstanceNamesModel;
class NewMigrationWizard;

// Step 3: target cloud and project, an instance name per VM, flavor (only those that fit), volume type and
// an optional availability zone — all from what the project offers (xloud::fetchResources).
class TargetPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit TargetPage(NewMigrationWizard* wizard);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    void loadResources();
    // Shows what the project offers (the answer of loadResources; tests give it directly).
    void setResources(const std::optional<xloud::CloudResources>& resources);
    bool isLoading() const { return m_loading; }
    QComboBox* flavorCombo() const { return m_flavor; }
    QComboBox* volumeTypeCombo() const { return m_volumeType; }
    QLineEdit* projectEdit() const { return m_project; }
    QComboBox* cloudCombo() const { return m_cloud; }

private:
    void cloudChanged();
    void showResources();
    void updateFlavorNote();

    NewMigrationWizard* m_wizard;
    QComboBox* m_cloud;
    QLineEdit* m_project;
    QPushButton* m_load;
    QTableView* m_names;
    InstanceNamesModel* m_namesModel;
    FlavorModel* m_flavors;
    QComboBox* m_flavor;
    QLabel* m_flavorNote;
    QComboBox* m_volumeType;
    QComboBox* m_zone;
    QLabel* m_status;
    bool m_loading = false;
    quint64 m_request = 0; // answers to older requests are dropped
};

} // namespace xms::ui
