#include "targetpage.h"

#include "engine/cloudsession.h"
#include "newmigrationwizard.h"
#include "targetmodels.h"
#include "xloud/resources.h"
#include "xloud/session.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace xms::ui {

TargetPage::TargetPage(NewMigrationWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_cloud(new QComboBox(this))
    , m_project(new QLineEdit(this))
    , m_load(new QPushButton(tr("&Load Resources"), this))
    , m_names(new QTableView(this))
    , m_namesModel(new InstanceNamesModel(wizard->draft(), this))
    , m_flavors(new FlavorModel(this))
    , m_flavor(new QComboBox(this))
    , m_flavorNote(new QLabel(this))
    , m_volumeType(new QComboBox(this))
    , m_zone(new QComboBox(this))
    , m_status(new QLabel(this))
{
    setTitle(tr("Target"));
    setSubTitle(tr("Choose the Xloud project, the instance names and the flavor, volume type and zone."));
    m_cloud->setObjectName(QStringLiteral("cloudCombo"));
    m_project->setObjectName(QStringLiteral("projectEdit"));
    m_project->setPlaceholderText(tr("Project name or id"));
    m_project->setToolTip(tr("The Xloud project that receives the instances; it needs quota for them"));
    m_load->setToolTip(tr("Read flavors, volume types, zones, networks and quota of the project"));
    m_names->setObjectName(QStringLiteral("instanceNames"));
    m_names->setModel(m_namesModel);
    m_names->verticalHeader()->hide();
    m_names->horizontalHeader()->setStretchLastSection(true);
    m_names->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_flavor->setObjectName(QStringLiteral("flavorCombo"));
    m_flavor->setModel(m_flavors);
    m_flavor->setToolTip(tr("Flavors too small for the source vCPU and memory are listed but cannot be chosen"));
    m_flavorNote->setWordWrap(true);
    m_volumeType->setObjectName(QStringLiteral("volumeTypeCombo"));
    m_zone->setObjectName(QStringLiteral("zoneCombo"));
    m_zone->setToolTip(tr("Optional: pin the instance and its volumes to one zone"));
    m_status->setObjectName(QStringLiteral("targetStatus"));
    m_status->setWordWrap(true);

    connect(m_cloud, &QComboBox::currentIndexChanged, this, &TargetPage::cloudChanged);
    connect(m_load, &QPushButton::clicked, this, &TargetPage::loadResources);
    connect(m_project, &QLineEdit::returnPressed, this, &TargetPage::loadResources);
    connect(m_flavor, &QComboBox::currentIndexChanged, this, &TargetPage::updateFlavorNote);
    connect(m_namesModel, &QAbstractItemModel::dataChanged, this, &QWizardPage::completeChanged);

    auto* projectRow = new QHBoxLayout;
    projectRow->addWidget(m_project, 1);
    projectRow->addWidget(m_load);
    auto* form = new QFormLayout;
    form->addRow(tr("&Cloud:"), m_cloud);
    auto* projectLabel = new QLabel(tr("&Project:"), this);
    projectLabel->setBuddy(m_project); // the row is a layout, so the form cannot set the buddy itself
    form->addRow(projectLabel, projectRow);
    form->addRow(tr("&Flavor:"), m_flavor);
    form->addRow(QString(), m_flavorNote);
    form->addRow(tr("&Volume type:"), m_volumeType);
    form->addRow(tr("Availability &zone:"), m_zone);
    auto* namesLabel = new QLabel(tr("&Instance names (double-click to edit):"), this);
    namesLabel->setBuddy(m_names);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(namesLabel);
    layout->addWidget(m_names, 1);
    layout->addWidget(m_status);
}

void TargetPage::initializePage()
{
    m_namesModel->reload();
    const QString current = m_wizard->draft().spec.cloud;
    m_cloud->blockSignals(true);
    m_cloud->clear();
    const auto clouds = m_wizard->store().clouds();
    for (const CloudRecord& c : clouds.value_or(QList<CloudRecord>()))
        m_cloud->addItem(c.name, c.name);
    m_cloud->setCurrentIndex(qMax(0, m_cloud->findData(current)));
    m_cloud->blockSignals(false);
    if (m_cloud->count() == 0) {
        m_status->setText(tr("No Xloud cloud yet. Add one in Settings ▸ Clouds (Ctrl+,), then come back."));
        return;
    }
    if (m_project->text().isEmpty())
        cloudChanged();
    else
        showResources();
}

void TargetPage::cloudChanged()
{
    const auto cloud = m_wizard->store().cloud(m_cloud->currentData().toString());
    if (cloud && !cloud->project.isEmpty())
        m_project->setText(cloud->project);
    m_wizard->draft().target.reset();
    loadResources();
}

void TargetPage::loadResources()
{
    const auto cloud = m_wizard->store().cloud(m_cloud->currentData().toString());
    if (!cloud)
        return m_status->setText(cloud.error().message);
    m_loading = true;
    const quint64 request = ++m_request;
    m_status->setText(tr("Reading what project %1 offers…").arg(m_project->text()));
    emit completeChanged();
    QPointer<TargetPage> self(this);
    const QString project = m_project->text().trimmed();
    openCloudSession(*cloud, this, [self, project, request](Result<xloud::Session*> session) {
        if (!self || request != self->m_request)
            return;
        auto done = [self, request](Result<xloud::CloudResources> r) {
            if (!self || request != self->m_request)
                return;
            self->m_loading = false;
            self->setResources(r ? std::optional<xloud::CloudResources>(*r) : std::nullopt);
            if (!r)
                self->m_status->setText(r.error().message);
        };
        if (!session)
            return done(std::unexpected(session.error()));
        xloud::fetchResources(*session, project, [session, done](Result<xloud::CloudResources> r) {
            (*session)->deleteLater();
            done(std::move(r));
        });
    });
}

void TargetPage::setResources(const std::optional<xloud::CloudResources>& resources)
{
    ++m_request; // an answer still on its way would be older than this
    m_loading = false;
    m_wizard->draft().target = resources;
    showResources();
}

void TargetPage::showResources()
{
    const MigrationDraft& d = m_wizard->draft();
    int vcpus = 0;
    qint64 ram = 0;
    for (const vsphere::VmInfo& vm : d.vms) {
        vcpus = qMax(vcpus, vm.numCpus);
        ram = qMax(ram, vm.memoryMB);
    }
    const QString keepFlavor
        = m_flavor->currentIndex() >= 0 ? m_flavor->currentData(FlavorModel::NameRole).toString() : d.spec.flavor;
    m_flavors->setFlavors(d.target ? d.target->flavors : QList<xloud::Flavor>(), vcpus, ram);
    const int flavorRow = m_flavors->rowOf(keepFlavor);
    m_flavor->setCurrentIndex(
        flavorRow >= 0 && m_flavors->data(m_flavors->index(flavorRow), FlavorModel::MisfitRole).toString().isEmpty()
            ? flavorRow
            : m_flavors->firstFitting());
    const QString keepType = m_volumeType->currentText().isEmpty() ? d.spec.volumeType : m_volumeType->currentText();
    m_volumeType->clear();
    m_zone->clear();
    m_zone->addItem(tr("Any zone"), QString());
    if (d.target) {
        for (const xloud::VolumeType& t : d.target->volumeTypes)
            m_volumeType->addItem(t.name, t.name);
        for (const xloud::AvailabilityZone& z : d.target->computeZones) {
            if (z.available)
                m_zone->addItem(z.name, z.name);
        }
        m_volumeType->setCurrentIndex(qMax(0, m_volumeType->findData(keepType)));
        m_zone->setCurrentIndex(qMax(0, m_zone->findData(d.spec.availabilityZone)));
        QString text
            = tr("Project %1: %n flavor(s), ", nullptr, int(d.target->flavors.size())).arg(d.target->projectName)
            + tr("%n volume type(s), ", nullptr, int(d.target->volumeTypes.size()))
            + tr("%n network(s).", nullptr, int(d.target->networks.size()));
        for (const QString& w : d.target->warnings)
            text += u"\n" + w;
        m_status->setText(text);
    }
    updateFlavorNote();
}

void TargetPage::updateFlavorNote()
{
    if (m_flavors->rowCount() > 0 && m_flavors->firstFitting() < 0)
        m_flavorNote->setText(tr("No flavor of this project fits the selected VMs. Ask for a larger flavor, or "
                                 "choose another project."));
    else
        m_flavorNote->clear();
    emit completeChanged();
}

bool TargetPage::isComplete() const
{
    return !m_loading && m_wizard->draft().target.has_value() && m_flavor->currentIndex() >= 0
        && m_flavor->currentData(FlavorModel::MisfitRole).toString().isEmpty();
}

bool TargetPage::validatePage()
{
    MigrationDraft& d = m_wizard->draft();
    const QString misfit = m_flavor->currentData(FlavorModel::MisfitRole).toString();
    if (!misfit.isEmpty()) {
        m_flavorNote->setText(misfit);
        return false;
    }
    d.spec.cloud = m_cloud->currentData().toString();
    d.spec.project = d.target ? d.target->projectName : m_project->text().trimmed();
    d.spec.flavor = m_flavor->currentData(FlavorModel::NameRole).toString();
    d.spec.volumeType = m_volumeType->currentData().toString();
    d.spec.availabilityZone = m_zone->currentData().toString();
    for (const MigrationSpec& s : d.specs()) {
        if (auto ok = s.validate();
            !ok && (ok.error().code.contains(u"instance") || ok.error().code.contains(u"name"))) {
            m_status->setText(ok.error().message);
            return false;
        }
    }
    return true;
}

} // namespace xms::ui
