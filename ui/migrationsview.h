#pragma once

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace xms::ui {

class JobDetailView;
class JobsModel;

// The main window's content: every migration job with live progress, or an empty state that says
// what to do next.
class MigrationsView : public QWidget
{
    Q_OBJECT
public:
    explicit MigrationsView(JobsModel* model, QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }
    JobDetailView* detail() const { return m_detail; }
    bool showsEmptyState() const;
    QString currentJobId() const;
    void selectJob(const QString& jobId);

signals:
    void newMigrationRequested();
    void currentJobChanged(const QString& jobId); // empty when nothing is selected

private:
    void updateEmptyState();

    JobsModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QStackedWidget* m_stack;
    QTableView* m_table;
    QLineEdit* m_filter;
    JobDetailView* m_detail;
};

} // namespace xms::ui
