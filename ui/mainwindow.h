#pragma once

#include <QMainWindow>

namespace xms::ui {

class JobsModel;
class MigrationsView;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    JobsModel* jobsModel() const { return m_jobs; }
    MigrationsView* migrationsView() const { return m_view; }

private:
    void createActions();

    JobsModel* m_jobs;
    MigrationsView* m_view;
};

} // namespace xms::ui
