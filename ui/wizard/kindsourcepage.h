#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QRadioButton;

namespace xms::ui {

class NewMigrationWizard;

// Step 1: the kind of migration (Cold) and the source environment.
class KindSourcePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit KindSourcePage(NewMigrationWizard* wizard);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void reload(const QString& select = {});
    void addEnvironment();

    NewMigrationWizard* m_wizard;
    QRadioButton* m_cold;
    QComboBox* m_environment;
    QLabel* m_hint;
};

} // namespace xms::ui
