#include "newmigrationwizard.h"

#include "kindsourcepage.h"
#include "networkspage.h"
#include "reviewpage.h"
#include "targetpage.h"
#include "workloadpage.h"


namespace xms::ui {

NewMigrationWizard::NewMigrationWizard(Store store, QWidget* parent)
    : QWizard(parent)
    , m_store(std::move(store))
{
    setObjectName(QStringLiteral("newMigrationWizard"));
    setWindowTitle(tr("New Migration"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    setButtonText(QWizard::FinishButton, tr("&Submit"));
    setPage(KindSourcePageId, new KindSourcePage(this));
    setPage(WorkloadPageId, new WorkloadPage(this));
    setPage(TargetPageId, new TargetPage(this));
    setPage(NetworksPageId, new NetworksPage(this));
    setPage(ReviewPageId, new ReviewPage(this));
    resize(960, 640);
}

Status NewMigrationWizard::submit()
{
    auto ids = m_draft.submit(m_store);
    if (!ids)
        return std::unexpected(ids.error());
    m_submitted = *ids;
    emit submitted(*ids);
    return {};
}

} // namespace xms::ui
