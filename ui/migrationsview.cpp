#include "migrationsview.h"

#include "jobdetailview.h"
#include "jobsmodel.h"
#include "progressdelegate.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace xms::ui {

MigrationsView::MigrationsView(JobsModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_stack(new QStackedWidget(this))
    , m_table(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_detail(new JobDetailView(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(JobsModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    m_table->setObjectName(QStringLiteral("jobsTable"));
    m_table->setItemDelegateForColumn(JobsModel::Progress, new ProgressDelegate(m_table));
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setSectionResizeMode(JobsModel::Vm, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(JobsModel::Target, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->resizeSection(JobsModel::Progress, 140);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // submission order until the user sorts

    m_filter->setPlaceholderText(tr("Filter by VM, project, stage or status"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    auto* empty = new QWidget(this);
    auto* emptyLayout = new QVBoxLayout(empty);
    auto* emptyText = new QLabel(tr("<h3>No migrations yet</h3>"
                                    "<p>Start one with <b>New Migration</b>: pick a vCenter, choose VMs that "
                                    "passed preflight, map their networks and submit.</p>"),
                                 empty);
    emptyText->setObjectName(QStringLiteral("emptyStateText"));
    emptyText->setAlignment(Qt::AlignCenter);
    emptyText->setWordWrap(true);
    auto* emptyButton = new QPushButton(tr("&New Migration…"), empty);
    emptyButton->setObjectName(QStringLiteral("emptyNewMigration"));
    connect(emptyButton, &QPushButton::clicked, this, &MigrationsView::newMigrationRequested);
    emptyLayout->addStretch();
    emptyLayout->addWidget(emptyText);
    emptyLayout->addWidget(emptyButton, 0, Qt::AlignHCenter);
    emptyLayout->addStretch();

    auto* list = new QWidget(this);
    auto* listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins({});
    listLayout->addWidget(m_filter);
    auto* split = new QSplitter(Qt::Vertical, list);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    listLayout->addWidget(split);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { emit currentJobChanged(currentJobId()); });

    m_stack->addWidget(empty);
    m_stack->addWidget(list);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);

    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MigrationsView::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MigrationsView::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MigrationsView::updateEmptyState);
    updateEmptyState();
}

bool MigrationsView::showsEmptyState() const { return m_stack->currentIndex() == 0; }

QString MigrationsView::currentJobId() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.data(JobsModel::JobIdRole).toString() : QString();
}

void MigrationsView::selectJob(const QString& jobId)
{
    const int row = m_model->rowOf(jobId);
    if (row < 0)
        return;
    const QModelIndex at = m_proxy->mapFromSource(m_model->index(row, 0));
    m_table->selectionModel()->setCurrentIndex(at, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void MigrationsView::updateEmptyState() { m_stack->setCurrentIndex(m_model->rowCount() == 0 ? 0 : 1); }

} // namespace xms::ui
