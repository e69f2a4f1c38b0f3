#include "networkspage.h"

#include "asyncdialogs.h"
#include "combodelegate.h"
#include "newmigrationwizard.h"
#include "nicmappingmodel.h"
#include "services/profiles.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace xms::ui {

NetworksPage::NetworksPage(NewMigrationWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_model(new NicMappingModel(this))
    , m_table(new QTableView(this))
    , m_profiles(new QComboBox(this))
    , m_status(new QLabel(this))
{
    setTitle(tr("Networks"));
    setSubTitle(tr("Pick a target network and subnet for each source NIC. Save the mapping as a profile to reuse "
                   "it for other VMs."));
    m_table->setObjectName(QStringLiteral("nicMappings"));
    m_table->setModel(m_model);
    auto* delegate = new ComboDelegate(NicMappingModel::OptionsRole, this);
    m_table->setItemDelegateForColumn(NicMappingModel::TargetNetwork, delegate);
    m_table->setItemDelegateForColumn(NicMappingModel::TargetSubnet, delegate);
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(NicMappingModel::Source, QHeaderView::Stretch);
    m_profiles->setObjectName(QStringLiteral("profileCombo"));
    m_profiles->setToolTip(tr("Saved network mappings (Settings ▸ Profiles)"));
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("networksStatus"));
    connect(m_model, &QAbstractItemModel::dataChanged, this, &QWizardPage::completeChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &QWizardPage::completeChanged);

    auto* load = new QPushButton(tr("&Load Profile"), this);
    load->setObjectName(QStringLiteral("loadProfile"));
    connect(load, &QPushButton::clicked, this, [this] { loadProfile(m_profiles->currentText()); });
    auto* save = new QPushButton(tr("Save as &Profile…"), this);
    save->setObjectName(QStringLiteral("saveProfile"));
    connect(save, &QPushButton::clicked, this, [this] {
        askText(this, tr("Save as Profile"), tr("Profile name:"), m_profiles->currentText(),
                [this](const QString& name) { saveProfile(name); });
    });
    auto* profileLabel = new QLabel(tr("P&rofile:"), this);
    profileLabel->setBuddy(m_profiles);
    auto* row = new QHBoxLayout;
    row->addWidget(profileLabel);
    row->addWidget(m_profiles, 1);
    row->addWidget(load);
    row->addWidget(save);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(row);
    layout->addWidget(m_status);
}

void NetworksPage::initializePage()
{
    const MigrationDraft& d = m_wizard->draft();
    m_model->setSources(d.vms, d.target ? d.target->networks : QList<xloud::Network>(),
                        d.target ? d.target->projectId : QString());
    m_model->apply(d.spec.networks);
    reloadProfiles();
    m_status->setText(m_model->rowCount() == 0 ? tr("The selected VMs have no network adapters: nothing to map.")
                                               : QString());
}

void NetworksPage::reloadProfiles()
{
    const QString current = m_profiles->currentText();
    m_profiles->clear();
    for (const ProfileRecord& p : m_wizard->store().profiles().value_or(QList<ProfileRecord>()))
        m_profiles->addItem(p.name);
    m_profiles->setCurrentIndex(qMax(0, m_profiles->findText(current)));
}

bool NetworksPage::loadProfile(const QString& name)
{
    auto profile = m_wizard->store().profile(name);
    if (!profile) {
        m_status->setText(profile.error().message);
        return false;
    }
    auto networks = profileNetworks(profile->mapping);
    if (!networks) {
        m_status->setText(networks.error().message);
        return false;
    }
    m_model->apply(*networks);
    m_status->setText(tr("Loaded profile %1.").arg(name));
    return true;
}

bool NetworksPage::saveProfile(const QString& name)
{
    Store store = m_wizard->store(); // a handle to the shared database
    if (auto saved = profiles::save(store, name, m_model->mappings()); !saved) {
        m_status->setText(saved.error().message);
        return false;
    }
    reloadProfiles();
    m_profiles->setCurrentIndex(m_profiles->findText(name));
    m_status->setText(tr("Saved profile %1.").arg(name));
    return true;
}

bool NetworksPage::isComplete() const
{
    return m_model->isComplete();
}

bool NetworksPage::validatePage()
{
    m_wizard->draft().spec.networks = m_model->mappings();
    return true;
}

} // namespace xms::ui
