#pragma once

#include <QWizardPage>

class QTextBrowser;

namespace xms::ui {

class NewMigrationWizard;

// Step 5: what will happen — per VM the target, estimated runtime and the Xloud resources the job will
// create — then Submit.
class ReviewPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ReviewPage(NewMigrationWizard* wizard);
    void initializePage() override;
    bool validatePage() override;
    QString summaryText() const;

private:
    NewMigrationWizard* m_wizard;
    QTextBrowser* m_summary;
};

} // namespace xms::ui
