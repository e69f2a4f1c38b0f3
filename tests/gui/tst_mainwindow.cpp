#include "jobsmodel.h"
#include "mainwindow.h"
#include "migrationsview.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace xms;
using namespace xms::ui;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void emptyStateSaysWhatToDo()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.migrationsView()->showsEmptyState());
        auto* text = w.findChild<QLabel*>(QStringLiteral("emptyStateText"));
        QVERIFY(text && text->isVisible());
        QVERIFY(text->text().contains(u"New Migration"));
        auto* button = w.findChild<QPushButton*>(QStringLiteral("emptyNewMigration"));
        QVERIFY(button && button->isVisible());
        QSignalSpy spy(w.migrationsView(), &MigrationsView::newMigrationRequested);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(spy.count(), 1);
    }

    void jobAppearsInTable()
    {
        MainWindow w;
        w.show();
        QAbstractItemModelTester tester(w.jobsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        JobSnapshot job;
        job.id = QStringLiteral("job-1");
        job.vmName = QStringLiteral("lab-debian-bios");
        job.targetProject = QStringLiteral("infra");
        job.stage = Stage::Export;
        job.stagePercent[Stage::Export] = 50;
        job.bytesTransferred = 512LL * 1024 * 1024;
        job.bytesTotal = 2048LL * 1024 * 1024;
        w.jobsModel()->upsert(job);

        QVERIFY(!w.migrationsView()->showsEmptyState());
        QTableView* table = w.migrationsView()->table();
        QVERIFY(table->isVisible());
        QCOMPARE(table->model()->rowCount(), 1);
        const QAbstractItemModel* m = table->model();
        QCOMPARE(m->index(0, JobsModel::Stage).data().toString(), QStringLiteral("Export"));
        QCOMPARE(m->index(0, JobsModel::Progress).data().toInt(), 10); // 50 % of one of five stages
        QCOMPARE(m->index(0, JobsModel::Target).data().toString(), QStringLiteral("infra / lab-debian-bios"));

        job.stage = Stage::Completed;
        w.jobsModel()->upsert(job);
        QCOMPARE(m->rowCount(), 1);
        QCOMPARE(m->index(0, JobsModel::Progress).data().toInt(), 100);

        w.jobsModel()->remove(job.id);
        QVERIFY(w.migrationsView()->showsEmptyState());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
