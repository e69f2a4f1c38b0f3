#include "kindsourcepage.h"

#include "newmigrationwizard.h"
#include "settings/environmentdialog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace xms::ui {

KindSourcePage::KindSourcePage(NewMigrationWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_cold(new QRadioButton(tr("&Cold migration"), this))
    , m_environment(new QComboBox(this))
    , m_hint(new QLabel(this))
{
    setTitle(tr("Kind and Source"));
    setSubTitle(tr("Choose how to migrate and the vCenter or ESXi host the VMs are on."));
    m_cold->setChecked(true);
    m_cold->setToolTip(tr("The source VM is powered off, its disks are copied and it is started on Xloud"));
    auto* coldText = new QLabel(tr("The VM is powered off for the whole migration (a maintenance window); it stays "
                                   "powered off in vSphere afterwards and is never deleted."),
                                this);
    coldText->setWordWrap(true);
    coldText->setIndent(24);
    auto* warm = new QRadioButton(tr("&Warm migration (not available yet)"), this);
    warm->setEnabled(false);
    warm->setToolTip(tr("Incremental sync with a short cut-over is not supported by this version"));

    m_environment->setObjectName(QStringLiteral("environmentCombo"));
    m_environment->setToolTip(tr("Source environments are managed in Settings ▸ Environments"));
    auto* add = new QPushButton(tr("&Add Environment…"), this);
    add->setObjectName(QStringLiteral("addEnvironment"));
    connect(add, &QPushButton::clicked, this, &KindSourcePage::addEnvironment);
    connect(m_environment, &QComboBox::currentIndexChanged, this, &QWizardPage::completeChanged);
    auto* row = new QHBoxLayout;
    row->addWidget(m_environment, 1);
    row->addWidget(add);
    auto* form = new QFormLayout;
    auto* label = new QLabel(tr("Source &environment:"), this);
    label->setBuddy(m_environment);
    form->addRow(label, row);
    m_hint->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_cold);
    layout->addWidget(coldText);
    layout->addWidget(warm);
    layout->addSpacing(12);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addStretch();
}

void KindSourcePage::initializePage() { reload(m_wizard->draft().spec.source); }

void KindSourcePage::reload(const QString& select)
{
    m_environment->clear();
    const auto envs = m_wizard->store().environments();
    for (const EnvironmentRecord& e : envs.value_or(QList<EnvironmentRecord>()))
        m_environment->addItem(tr("%1 (%2)").arg(e.name, e.host), e.name);
    if (!envs)
        m_hint->setText(envs.error().message);
    else if (envs->isEmpty())
        m_hint->setText(tr("No source environment yet. Add your vCenter with <b>Add Environment…</b>."));
    else
        m_hint->clear();
    const int at = m_environment->findData(select);
    if (at >= 0)
        m_environment->setCurrentIndex(at);
    emit completeChanged();
}

void KindSourcePage::addEnvironment()
{
    auto* dialog = new EnvironmentDialog(m_wizard->store(), std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &EnvironmentDialog::saved, this, [this](const QString& name) { reload(name); });
    dialog->open();
}

bool KindSourcePage::isComplete() const { return m_cold->isChecked() && m_environment->currentIndex() >= 0; }

bool KindSourcePage::validatePage()
{
    MigrationDraft& d = m_wizard->draft();
    const QString source = m_environment->currentData().toString();
    if (source != d.spec.source) {
        d.vms.clear();
        d.preflight.clear();
    }
    d.spec.kind = QStringLiteral("cold");
    d.spec.source = source;
    return true;
}

} // namespace xms::ui
