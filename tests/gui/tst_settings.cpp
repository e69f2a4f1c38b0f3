// Settings against a real store: the profiles manager (rename, delete, export, import — the same JSON as
// `xms profile export`), the General tab's values as the engine reads them, and the environment and
// cloud dialogs refusing incomplete input before they touch the network or the keychain.
#include "services/profiles.h"
#include "services/storedsettings.h"
#include "settings/clouddialog.h"
#include "settings/environmentdialog.h"
#include "settings/settingsdialog.h"
#include "testutil.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace xms;
using namespace xms::ui;

class TestSettings : public QObject
{
    Q_OBJECT
    QTemporaryDir m_home;
    std::optional<Store> m_store;

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("XMS_HOME", m_home.path().toUtf8());
        auto store = Store::openDefault();
        XMS_VERIFY_OK(store);
        m_store = *store;
        NicMapping m;
        m.sourceNetwork = QStringLiteral("VM Network");
        m.targetNetwork = QStringLiteral("internal-net");
        m.keepMac = true;
        XMS_VERIFY_OK(m_store->saveProfile({QStringLiteral("dc1"), profileMapping({m}), {}, {}}));
    }

    void profilesManager()
    {
        SettingsDialog d(*m_store);
        QAbstractItemModelTester t1(d.environmentsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(d.profilesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        d.show();
        d.tabs()->setCurrentIndex(2);
        QCOMPARE(d.profilesModel()->rowCount(), 1);

        XMS_VERIFY_OK(d.renameProfile(QStringLiteral("dc1"), QStringLiteral("dc1-infra")));
        QVERIFY(!m_store->profile(QStringLiteral("dc1")));
        XMS_VERIFY_OK(m_store->profile(QStringLiteral("dc1-infra")));
        QVERIFY(!d.renameProfile(QStringLiteral("missing"), QStringLiteral("x")));

        const QString file = m_home.filePath(QStringLiteral("dc1.json"));
        XMS_VERIFY_OK(d.exportProfile(QStringLiteral("dc1-infra"), file));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(doc.value(u"name").toString(), QStringLiteral("dc1-infra"));
        auto networks = profileNetworks(doc);
        XMS_VERIFY_OK(networks);
        QVERIFY(networks->first().keepMac);

        XMS_VERIFY_OK(d.removeProfile(QStringLiteral("dc1-infra")));
        QVERIFY(!m_store->profile(QStringLiteral("dc1-infra")));
        auto imported = d.importProfile(file, QStringLiteral("dc1-again"));
        XMS_VERIFY_OK(imported);
        QCOMPARE(*imported, QStringLiteral("dc1-again"));
        XMS_VERIFY_OK(m_store->profile(QStringLiteral("dc1-again")));

        const QString bad = m_home.filePath(QStringLiteral("bad.json"));
        QFile b(bad);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write("{\"nets\": []}");
        b.close();
        auto refused = d.importProfile(bad);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("input.profile"));
    }

    void generalSettingsReachTheEngineKeys()
    {
        SettingsDialog d(*m_store);
        d.show();
        d.findChild<QSpinBox*>(QStringLiteral("workerSlots"))->setValue(4);
        d.findChild<QSpinBox*>(QStringLiteral("exportsPerHost"))->setValue(3);
        auto* keep = d.findChild<QSpinBox*>(QStringLiteral("keepConvertedDays"));
        QCOMPARE(keep->value(), 7); // the engine's default
        keep->setValue(0);
        QCOMPARE(keep->text(), QStringLiteral("Until discarded"));
        const QString staging = m_home.filePath(QStringLiteral("staging"));
        const QString iso = m_home.filePath(QStringLiteral("virtio-win.iso"));
        d.findChild<QLineEdit*>(QStringLiteral("stagingDir"))->setText(staging);
        d.findChild<QLineEdit*>(QStringLiteral("virtioWin"))->setText(iso);
        d.accept(); // the ISO does not exist: refused like `xms settings set`
        QVERIFY(d.isVisible());
        QVERIFY(m_store->setting(QStringLiteral("guest/virtio-win")).isEmpty());
        QFile f(iso);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        d.accept();
        QVERIFY(!d.isVisible());
        QCOMPARE(m_store->setting(QStringLiteral("engine/worker-slots")), QStringLiteral("4"));
        QCOMPARE(m_store->setting(QStringLiteral("engine/exports-per-host")), QStringLiteral("3"));
        QCOMPARE(m_store->setting(QStringLiteral("engine/keep-converted-days")), QStringLiteral("0"));
        QCOMPARE(m_store->setting(QStringLiteral("engine/staging-dir")), staging);
        QCOMPARE(m_store->setting(QStringLiteral("guest/virtio-win")), iso);
        const StoredSettings s = StoredSettings::load(*m_store);
        QCOMPARE(s.workerSlots, 4);
        QCOMPARE(s.keepConvertedDays, 0);
    }

    void dialogsRefuseIncompleteInput()
    {
        EnvironmentDialog env(*m_store, std::nullopt);
        env.show();
        env.findChild<QLineEdit*>(QStringLiteral("envName"))->setText(QStringLiteral("-bad name"));
        env.save();
        QVERIFY(env.statusText().contains(u"letters"));
        env.findChild<QLineEdit*>(QStringLiteral("envName"))->setText(QStringLiteral("prod-vc"));
        env.save();
        QVERIFY(env.statusText().contains(u"required"));
        env.testConnection();
        QVERIFY(env.statusText().contains(u"host"));
        QVERIFY(!m_store->environment(QStringLiteral("prod-vc")));

        CloudDialog cloud(*m_store, std::nullopt);
        cloud.show();
        cloud.findChild<QLineEdit*>(QStringLiteral("cloudName"))->setText(QStringLiteral("c1"));
        cloud.findChild<QLineEdit*>(QStringLiteral("cloudAuthUrl"))->setText(QStringLiteral("not a url"));
        cloud.save();
        QVERIFY(cloud.statusText().contains(u"Identity URL"));
        cloud.findChild<QLineEdit*>(QStringLiteral("cloudAuthUrl"))
            ->setText(QStringLiteral("https://x.example:5000/v3"));
        cloud.save();
        QVERIFY(cloud.statusText().contains(u"password"));
        QVERIFY(!m_store->cloud(QStringLiteral("c1")));
    }

    // An http Identity URL is allowed (closed labs) but the dialog says, while it is typed, what it costs.
    void plainHttpIdentityUrlIsWarnedAbout()
    {
        CloudDialog cloud(*m_store, std::nullopt);
        cloud.show();
        auto* url = cloud.findChild<QLineEdit*>(QStringLiteral("cloudAuthUrl"));
        auto* warning = cloud.findChild<QLabel*>(QStringLiteral("cloudWarning"));
        QVERIFY(warning);
        url->setText(QStringLiteral("https://x.example:5000/v3"));
        QVERIFY(warning->isHidden());
        QCOMPARE(cloud.warningText(), QString());
        url->setText(QStringLiteral("http://x.example:5000/v3"));
        QVERIFY(warning->isVisible());
        QVERIFY2(cloud.warningText().contains(u"http://x.example:5000/v3 is plain http"),
                 qPrintable(cloud.warningText()));
        QVERIFY(cloud.warningText().contains(u"unencrypted"));
        url->setText(QStringLiteral("https://x.example:5000/v3"));
        QVERIFY(warning->isHidden());
    }
};

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
