#pragma once

#include "engine/preflight.h"
#include "store/store.h"

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QTextBrowser;

namespace xms::ui {

class NewMigrationWizard;

// Step 5: what will happen — per VM the target, estimated runtime and the Xloud resources the job will
// create — and the full preflight against the chosen target, as `xms migration submit` runs it: a Block
// stops the submit unless the operator skips the check (--skip-preflight).
class ReviewPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ReviewPage(NewMigrationWizard* wizard);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

    QString summaryText() const;
    QString preflightText() const;
    bool isChecking() const { return m_checking; }
    bool isBlocked() const;
    QCheckBox* skipPreflight() const { return m_skip; }

private:
    void renderSummary();
    void checkNext(QList<MigrationSpec> remaining);

    NewMigrationWizard* m_wizard;
    Store m_store; // runPreflight keeps a reference while it runs
    QTextBrowser* m_summary;
    QLabel* m_preflight;
    QCheckBox* m_skip;
    QList<PreflightReport> m_reports;
    bool m_checking = false;
    quint64 m_run = 0; // reports of an older run (page left and entered again) are dropped
};

} // namespace xms::ui
