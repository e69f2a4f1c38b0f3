#include "workloadpage.h"

#include "inventorymodel.h"
#include "newmigrationwizard.h"

#include "secrets/secretstore.h"
#include "vsphere/discovery.h"
#include "vsphere/inventorycache.h"
#include "vsphere/session.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace xms::ui {

namespace {

// Search matches VM names; a VM's check rows always follow their VM.
class InventoryFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        if (parent.isValid())
            return true;
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }
};

} // namespace

WorkloadPage::WorkloadPage(NewMigrationWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_store(wizard->store())
    , m_model(new InventoryModel(this))
    , m_proxy(new InventoryFilter(this))
    , m_view(new QTreeView(this))
    , m_search(new QLineEdit(this))
    , m_preflight(new QPushButton(tr("&Preflight Selected"), this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_status(new QLabel(this))
{
    setTitle(tr("Workload"));
    setSubTitle(tr("Select the VMs to migrate and run preflight on them. VMs with a Pass or Warn verdict can go on."));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(InventoryModel::SortRole);
    m_proxy->setFilterKeyColumn(InventoryModel::Name);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view->setObjectName(QStringLiteral("inventoryView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(InventoryModel::Name, Qt::AscendingOrder);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setUniformRowHeights(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->resizeSection(InventoryModel::Name, 200);
    m_view->header()->setSectionResizeMode(InventoryModel::Disks, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(InventoryModel::Guest, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(InventoryModel::Verdict, QHeaderView::ResizeToContents);
    // Check rows read as one line across the table.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex& parent, int first, int last) {
        if (!parent.isValid())
            return;
        for (int r = first; r <= last; ++r)
            m_view->setFirstColumnSpanned(r, parent, true);
    });
    m_view->setToolTip(tr("Ctrl+click or Shift+click selects several VMs; expand a verdict to see its checks"));
    m_search->setObjectName(QStringLiteral("inventorySearch"));
    m_search->setPlaceholderText(tr("Search VMs by name"));
    m_search->setClearButtonEnabled(true);
    m_preflight->setObjectName(QStringLiteral("preflightSelected"));
    m_preflight->setToolTip(tr("Check the selected VMs: power state, disks, firmware, guest OS, staging space"));
    m_refresh->setToolTip(tr("Discover the VMs again (the list is cached for 10 minutes)"));
    m_status->setObjectName(QStringLiteral("workloadStatus"));
    m_status->setWordWrap(true);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_preflight, &QPushButton::clicked, this, &WorkloadPage::preflightSelected);
    connect(m_refresh, &QPushButton::clicked, this, &WorkloadPage::refresh);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &WorkloadPage::updateState);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &WorkloadPage::updateState);

    auto* searchLabel = new QLabel(tr("&Search:"), this);
    searchLabel->setBuddy(m_search);
    auto* top = new QHBoxLayout;
    top->addWidget(searchLabel);
    top->addWidget(m_search, 1);
    top->addWidget(m_refresh);
    top->addWidget(m_preflight);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
}

void WorkloadPage::initializePage()
{
    if (m_loadedSource == m_wizard->draft().spec.source)
        return;
    m_loadedSource = m_wizard->draft().spec.source;
    m_model->setInventory({});
    if (auto cached = vsphere::InventoryCache::load(m_loadedSource, vsphere::InventoryCache::kDefaultMaxAgeSecs)) {
        m_model->setInventory(*cached);
        m_status->setText(tr("%n VM(s) in %1 (discovered %2).", nullptr, int(cached->vms.size()))
                              .arg(m_loadedSource, QLocale().toString(cached->fetchedAt.toLocalTime(),
                                                                      QLocale::ShortFormat)));
        updateState();
        return;
    }
    discover();
}

void WorkloadPage::refresh()
{
    m_loadedSource = m_wizard->draft().spec.source;
    discover();
}

void WorkloadPage::discover()
{
    auto env = m_wizard->store().environment(m_loadedSource);
    if (!env)
        return m_status->setText(env.error().message);
    m_loading = true;
    m_status->setText(tr("Discovering VMs on %1…").arg(env->host));
    updateState();
    QPointer<WorkloadPage> self(this);
    const EnvironmentRecord e = *env;
    auto finish = [self, e](Result<vsphere::Inventory> inv) {
        if (!self)
            return;
        self->m_loading = false;
        if (!inv) {
            self->m_status->setText(tr("Cannot list the VMs of %1: %2").arg(e.name, inv.error().message));
        } else {
            vsphere::InventoryCache::save(e.name, *inv);
            self->m_model->setInventory(*inv);
            self->m_status->setText(tr("%n VM(s) in %1.", nullptr, int(inv->vms.size())).arg(e.name));
        }
        self->updateState();
    };
    SecretStore::backend().read(SecretStore::sourcePasswordKey(e.name), this, [this, e, finish](Result<QString> pw) {
        if (!pw)
            return finish(std::unexpected(pw.error()));
        auto* session = new vsphere::Session(vsphere::Session::optionsFor(e, *pw), this);
        session->open([session, e, finish](Status opened) {
            if (!opened) {
                session->deleteLater();
                return finish(std::unexpected(opened.error()));
            }
            vsphere::Discovery::discover(*session, e.datacenter, [session, finish](Result<vsphere::Inventory> inv) {
                session->close([session](Status) { session->deleteLater(); });
                finish(std::move(inv));
            });
        });
    });
}

QStringList WorkloadPage::selectedVms() const
{
    QStringList names;
    for (const QModelIndex& i : m_view->selectionModel()->selectedRows()) {
        if (!i.parent().isValid())
            names.append(i.data(InventoryModel::VmNameRole).toString());
    }
    return names;
}

void WorkloadPage::selectVms(const QStringList& names)
{
    QItemSelection selection;
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const QModelIndex i = m_proxy->index(r, 0);
        if (names.contains(i.data(InventoryModel::VmNameRole).toString()))
            selection.select(i, m_proxy->index(r, InventoryModel::ColumnCount - 1));
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

void WorkloadPage::preflightSelected()
{
    for (const QString& vm : selectedVms()) {
        MigrationSpec spec = m_wizard->draft().spec;
        spec.vm = vm;
        m_model->setChecking(vm, true);
        ++m_pending;
        QPointer<WorkloadPage> self(this);
        runPreflight(m_store, spec, this, [self, vm](Result<PreflightReport> report) {
            if (!self)
                return;
            --self->m_pending;
            if (!report) {
                PreflightReport failed;
                failed.vm = vm;
                failed.add(PreflightCheck{QStringLiteral("Source"), QStringLiteral("preflight.error"), Verdict::Block,
                                          report.error().message, QString()});
                self->m_model->setReport(failed);
            } else {
                self->m_model->setReport(*report);
            }
            self->updateState();
        });
    }
    updateState();
}

void WorkloadPage::updateState()
{
    const QStringList selected = selectedVms();
    m_preflight->setEnabled(!selected.isEmpty() && !m_loading);
    m_refresh->setEnabled(!m_loading);
    if (!m_loading && m_pending == 0 && !selected.isEmpty()) {
        QStringList blocked, unchecked;
        for (const QString& vm : selected) {
            const PreflightReport* r = m_model->report(vm);
            if (!r)
                unchecked << vm;
            else if (r->verdict == Verdict::Block)
                blocked << vm;
        }
        if (!blocked.isEmpty())
            m_status->setText(tr("Blocked: %1. Expand the verdict to see the fix, or deselect it.")
                                  .arg(blocked.join(QStringLiteral(", "))));
        else if (!unchecked.isEmpty())
            m_status->setText(tr("Run Preflight Selected before going on (%n VM(s) not checked).", nullptr,
                                 int(unchecked.size())));
        else
            m_status->setText(tr("%n VM(s) ready to migrate.", nullptr, int(selected.size())));
    }
    emit completeChanged();
}

bool WorkloadPage::isComplete() const
{
    const QStringList selected = selectedVms();
    if (selected.isEmpty() || m_pending > 0)
        return false;
    for (const QString& vm : selected) {
        const PreflightReport* r = m_model->report(vm);
        if (!r || r->verdict == Verdict::Block)
            return false;
    }
    return true;
}

bool WorkloadPage::validatePage()
{
    MigrationDraft& d = m_wizard->draft();
    d.vms.clear();
    for (const QString& vm : selectedVms()) {
        if (const vsphere::VmInfo* info = m_model->vm(vm))
            d.vms.append(*info);
        if (const PreflightReport* report = m_model->report(vm))
            d.preflight.insert(vm, *report);
    }
    return !d.vms.isEmpty();
}

} // namespace xms::ui
