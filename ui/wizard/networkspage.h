#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QTableView;

namespace xms::ui {

class NewMigrationWizard;
class NicMappingModel;

// Step 4: each source NIC → target network and subnet, keep-MAC, and reusable mapping profiles.
class NetworksPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit NetworksPage(NewMigrationWizard* wizard);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    NicMappingModel* mappingModel() const { return m_model; }
    bool loadProfile(const QString& name); // false (with the reason shown) when it cannot be used
    bool saveProfile(const QString& name);

private:
    void reloadProfiles();

    NewMigrationWizard* m_wizard;
    NicMappingModel* m_model;
    QTableView* m_table;
    QComboBox* m_profiles;
    QLabel* m_status;
};

} // namespace xms::ui
