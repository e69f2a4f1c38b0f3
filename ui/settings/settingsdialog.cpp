#include "settingsdialog.h"

#include "asyncdialogs.h"
#include "clouddialog.h"
#include "common/paths.h"
#include "engine/settingkeys.h"
#include "environmentdialog.h"
#include "jobstoretab.h"
#include "services/clouds.h"
#include "services/profiles.h"
#include "services/sources.h"
#include "services/storedsettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace xms::ui {

namespace {

QPushButton* button(QWidget* parent, const QString& text, const char* name, const QString& tip = {})
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(name));
    b->setToolTip(tip);
    return b;
}

// A list with its buttons beside it, and an empty-state hint under it.
QWidget* listTab(QWidget* parent, QListView* view, const QList<QPushButton*>& buttons, const QString& hint)
{
    auto* tab = new QWidget(parent);
    auto* side = new QVBoxLayout;
    for (QPushButton* b : buttons)
        side->addWidget(b);
    side->addStretch();
    auto* row = new QHBoxLayout;
    row->addWidget(view, 1);
    row->addLayout(side);
    auto* text = new QLabel(hint, tab);
    text->setWordWrap(true);
    auto* layout = new QVBoxLayout(tab);
    layout->addLayout(row);
    layout->addWidget(text);
    return tab;
}

// The range the settings table accepts, so the dialog offers no value `xms settings set` would refuse.
void setRangeOf(QSpinBox* box, const char* key)
{
    const settings::Known* known = settings::find(QLatin1StringView(key));
    box->setRange(known->low, known->high);
}

QListView* listView(QWidget* parent, QStandardItemModel* model, const char* name)
{
    auto* v = new QListView(parent);
    v->setObjectName(QString::fromLatin1(name));
    v->setModel(model);
    v->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return v;
}

} // namespace

SettingsDialog::SettingsDialog(Store store, QWidget* parent)
    : QDialog(parent)
    , m_store(std::move(store))
    , m_tabs(new QTabWidget(this))
    , m_envModel(new QStandardItemModel(this))
    , m_cloudModel(new QStandardItemModel(this))
    , m_profileModel(new QStandardItemModel(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_tabs->addTab(createEnvironmentsTab(), tr("&Environments"));
    m_tabs->addTab(createCloudsTab(), tr("C&louds"));
    m_tabs->addTab(createProfilesTab(), tr("&Profiles"));
    m_tabs->addTab(createGeneralTab(), tr("&General"));
    m_storeTab = new JobStoreTab(m_tabs);
    m_tabs->addTab(m_storeTab, tr("&Job Store"));
    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    reload();
    resize(720, 480);
}

void SettingsDialog::showMessage(const QString& text)
{
    m_message->setText(text);
}

QString SettingsDialog::selected(QListView* view) const
{
    const QModelIndex i = view->currentIndex();
    return i.isValid() ? i.data(Qt::UserRole).toString() : QString();
}

void SettingsDialog::reload()
{
    m_envModel->clear();
    for (const EnvironmentRecord& e : m_store.environments().value_or(QList<EnvironmentRecord>())) {
        auto* item = new QStandardItem(tr("%1 — %2@%3:%4").arg(e.name, e.username, e.host).arg(e.port));
        item->setData(e.name, Qt::UserRole);
        m_envModel->appendRow(item);
    }
    m_cloudModel->clear();
    for (const CloudRecord& c : m_store.clouds().value_or(QList<CloudRecord>())) {
        auto* item = new QStandardItem(tr("%1 — %2").arg(c.name, c.authUrl));
        item->setData(c.name, Qt::UserRole);
        m_cloudModel->appendRow(item);
    }
    m_profileModel->clear();
    for (const ProfileRecord& p : m_store.profiles().value_or(QList<ProfileRecord>())) {
        const int count = int(profileNetworks(p.mapping).value_or(QList<NicMapping>()).size());
        auto* item = new QStandardItem(tr("%1 — %n mapping(s)", nullptr, count).arg(p.name));
        item->setData(p.name, Qt::UserRole);
        m_profileModel->appendRow(item);
    }
}

QWidget* SettingsDialog::createEnvironmentsTab()
{
    m_envView = listView(this, m_envModel, "environmentList");
    auto* add = button(this, tr("&Add…"), "envAdd");
    auto* edit = button(this, tr("Ed&it…"), "envEdit", tr("Change settings, test the connection, rotate the password"));
    auto* remove = button(this, tr("&Delete"), "envDelete");
    auto open = [this](std::optional<EnvironmentRecord> existing) {
        auto* d = new EnvironmentDialog(m_store, std::move(existing), this);
        d->setAttribute(Qt::WA_DeleteOnClose);
        connect(d, &EnvironmentDialog::saved, this, [this](const QString& name) {
            reload();
            showMessage(tr("Saved environment %1.").arg(name));
        });
        d->open();
    };
    connect(add, &QPushButton::clicked, this, [open] { open(std::nullopt); });
    auto editCurrent = [this, open] {
        if (auto e = m_store.environment(selected(m_envView)))
            open(*e);
    };
    connect(edit, &QPushButton::clicked, this, editCurrent);
    connect(m_envView, &QListView::activated, this, editCurrent);
    connect(remove, &QPushButton::clicked, this, [this] {
        const QString name = selected(m_envView);
        if (name.isEmpty())
            return;
        askYesNo(this, tr("Delete Environment"),
                 tr("Delete %1 and its stored password? Jobs already submitted keep their spec.").arg(name),
                 [this, name] { removeEnvironment(name); });
    });
    return listTab(this, m_envView, {add, edit, remove},
                   tr("vCenter or ESXi hosts to migrate from. Passwords are kept in the system keychain."));
}

QWidget* SettingsDialog::createCloudsTab()
{
    m_cloudView = listView(this, m_cloudModel, "cloudList");
    auto* add = button(this, tr("&Add…"), "cloudAdd");
    auto* edit = button(this, tr("Ed&it…"), "cloudEdit", tr("Change settings, test the login, rotate the secret"));
    auto* remove = button(this, tr("&Delete"), "cloudDelete");
    auto open = [this](std::optional<CloudRecord> existing) {
        auto* d = new CloudDialog(m_store, std::move(existing), this);
        d->setAttribute(Qt::WA_DeleteOnClose);
        connect(d, &CloudDialog::saved, this, [this](const QString& name) {
            reload();
            showMessage(tr("Saved cloud %1.").arg(name));
        });
        d->open();
    };
    connect(add, &QPushButton::clicked, this, [open] { open(std::nullopt); });
    auto editCurrent = [this, open] {
        if (auto c = m_store.cloud(selected(m_cloudView)))
            open(*c);
    };
    connect(edit, &QPushButton::clicked, this, editCurrent);
    connect(m_cloudView, &QListView::activated, this, editCurrent);
    connect(remove, &QPushButton::clicked, this, [this] {
        const QString name = selected(m_cloudView);
        if (name.isEmpty())
            return;
        askYesNo(this, tr("Delete Cloud"), tr("Delete cloud %1 and its secret?").arg(name),
                 [this, name] { removeCloud(name); });
    });
    return listTab(this, m_cloudView, {add, edit, remove},
                   tr("Xloud clouds to migrate into. Set a Dashboard URL to get links to the created instances."));
}

void SettingsDialog::removeEnvironment(const QString& name)
{
    sources::remove(m_store, name, this, [this, name](Result<secretrecord::Removed> r) {
        if (!r)
            return showMessage(r.error().message);
        showMessage(r->secret ? tr("Deleted environment %1.").arg(name)
                              : tr("Deleted %1, but its password could not be removed from the keychain: %2")
                                    .arg(name, r->secret.error().message));
    });
    reload();
}

void SettingsDialog::removeCloud(const QString& name)
{
    clouds::remove(m_store, name, this, [this, name](Result<secretrecord::Removed> r) {
        if (!r)
            return showMessage(r.error().message);
        showMessage(tr("Deleted cloud %1.").arg(name));
    });
    reload();
}

Status SettingsDialog::renameProfile(const QString& from, const QString& to)
{
    return profiles::rename(m_store, from, to);
}

Status SettingsDialog::removeProfile(const QString& name)
{
    return m_store.removeProfile(name);
}

Status SettingsDialog::exportProfile(const QString& name, const QString& file) const
{
    return profiles::exportToFile(m_store, name, file);
}

Result<QString> SettingsDialog::importProfile(const QString& file, const QString& name)
{
    auto imported = profiles::importFile(m_store, file, name);
    if (!imported)
        return std::unexpected(imported.error());
    return imported->name;
}

QWidget* SettingsDialog::createProfilesTab()
{
    m_profileView = listView(this, m_profileModel, "profileList");
    auto* rename = button(this, tr("&Rename…"), "profileRename");
    auto* remove = button(this, tr("De&lete"), "profileDelete");
    auto* import = button(this, tr("&Import…"), "profileImport",
                          tr("Read a profile written by Export or 'xms "
                             "profile export'"));
    auto* exportButton = button(this, tr("E&xport…"), "profileExport", tr("Write the profile as JSON"));
    auto done = [this](const Status& s, const QString& ok) {
        showMessage(s ? ok : s.error().message);
        reload();
    };
    connect(rename, &QPushButton::clicked, this, [this, done] {
        const QString from = selected(m_profileView);
        if (from.isEmpty())
            return;
        askText(this, tr("Rename Profile"), tr("New name:"), from, [this, done, from](const QString& to) {
            if (to != from)
                done(renameProfile(from, to), tr("Renamed %1 to %2.").arg(from, to));
        });
    });
    connect(remove, &QPushButton::clicked, this, [this, done] {
        const QString name = selected(m_profileView);
        if (!name.isEmpty())
            done(removeProfile(name), tr("Deleted profile %1.").arg(name));
    });
    connect(import, &QPushButton::clicked, this, [this, done] {
        askPath(this, FileMode::Open, tr("Import Profile"), {}, tr("JSON files (*.json)"),
                [this, done](const QString& file) {
                    auto r = importProfile(file);
                    done(r ? Status() : Status(std::unexpected(r.error())),
                         r ? tr("Imported profile %1.").arg(*r) : QString());
                });
    });
    connect(exportButton, &QPushButton::clicked, this, [this, done] {
        const QString name = selected(m_profileView);
        if (name.isEmpty())
            return;
        askPath(this, FileMode::Save, tr("Export Profile"), name + u".json", tr("JSON files (*.json)"),
                [this, done, name](const QString& file) {
                    done(exportProfile(name, file), tr("Exported %1 to %2.").arg(name, file));
                });
    });
    return listTab(this, m_profileView, {rename, remove, import, exportButton},
                   tr("Network mappings saved from the New Migration wizard (Save as Profile) or 'xms profile save'."));
}

QWidget* SettingsDialog::createGeneralTab()
{
    auto* tab = new QWidget(this);
    const StoredSettings s = StoredSettings::load(m_store);
    m_slots = new QSpinBox(tab);
    m_slots->setObjectName(QStringLiteral("workerSlots"));
    setRangeOf(m_slots, settings::kWorkerSlots);
    m_slots->setValue(s.workerSlots);
    m_slots->setToolTip(tr("How many migrations one worker runs at once"));
    m_exports = new QSpinBox(tab);
    m_exports->setObjectName(QStringLiteral("exportsPerHost"));
    setRangeOf(m_exports, settings::kExportsPerHost);
    m_exports->setValue(s.exportsPerHost);
    m_exports->setToolTip(tr("How many disk exports run at once against one ESXi host"));
    m_keepDays = new QSpinBox(tab);
    m_keepDays->setObjectName(QStringLiteral("keepConvertedDays"));
    setRangeOf(m_keepDays, settings::kKeepConvertedDays);
    m_keepDays->setValue(s.keepConvertedDays);
    m_keepDays->setSpecialValueText(tr("Until discarded"));
    m_keepDays->setSuffix(tr(" days"));
    m_keepDays->setToolTip(tr("A job that fails after Guest Fixes keeps its converted disks so that Retry resumes "
                              "at Write Volume; after this many days a worker discards them"));
    m_staging = new QLineEdit(s.stagingDir, tab);
    m_staging->setObjectName(QStringLiteral("stagingDir"));
    m_staging->setPlaceholderText(paths::stagingDir());
    m_staging->setToolTip(tr("Disk images are written here before upload; it needs room for the largest VM"));
    m_virtio = new QLineEdit(s.virtioWin, tab);
    m_virtio->setObjectName(QStringLiteral("virtioWin"));
    m_virtio->setPlaceholderText(tr("virtio-win.iso (needed for Windows guests)"));
    m_verifyBoot = new QComboBox(tab);
    m_verifyBoot->setObjectName(QStringLiteral("verifyBoot"));
    m_verifyBoot->addItem(tr("When KVM works here"), QStringLiteral("auto"));
    m_verifyBoot->addItem(tr("Always"), QStringLiteral("always"));
    m_verifyBoot->addItem(tr("Never"), QStringLiteral("never"));
    m_verifyBoot->setCurrentIndex(std::max(0, m_verifyBoot->findData(s.verifyBoot)));
    m_verifyBoot->setToolTip(tr("Boot each converted guest locally, on an isolated network, and check that its "
                                "network comes up before anything is created in Xloud (about a minute without "
                                "KVM)"));
    auto browse = [this, tab](QLineEdit* edit, bool directory) {
        auto* b = new QPushButton(tr("Browse…"), tab);
        connect(b, &QPushButton::clicked, this, [this, edit, directory] {
            askPath(this, directory ? FileMode::Directory : FileMode::Open,
                    directory ? tr("Staging Directory") : tr("VirtIO Drivers for Windows"), edit->text(),
                    directory ? QString() : tr("ISO images (*.iso)"),
                    [edit](const QString& path) { edit->setText(path); });
        });
        auto* row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(b);
        return row;
    };
    auto* form = new QFormLayout(tab);
    form->addRow(tr("&Worker slots:"), m_slots);
    form->addRow(tr("E&xports per ESXi host:"), m_exports);
    form->addRow(tr("&Keep converted disks of failed jobs:"), m_keepDays);
    // Rows that are layouts need their labels' buddies set by hand for the mnemonics to work.
    auto* stagingLabel = new QLabel(tr("&Staging directory:"), tab);
    stagingLabel->setBuddy(m_staging);
    auto* virtioLabel = new QLabel(tr("&VirtIO drivers for Windows:"), tab);
    virtioLabel->setBuddy(m_virtio);
    form->addRow(stagingLabel, browse(m_staging, true));
    form->addRow(virtioLabel, browse(m_virtio, false));
    form->addRow(tr("Verify the &boot before upload:"), m_verifyBoot);
    return tab;
}

void SettingsDialog::accept()
{
    StoredSettings s;
    s.workerSlots = m_slots->value();
    s.exportsPerHost = m_exports->value();
    s.keepConvertedDays = m_keepDays->value();
    s.stagingDir = m_staging->text().trimmed();
    s.virtioWin = m_virtio->text().trimmed();
    s.verifyBoot = m_verifyBoot->currentData().toString();
    if (auto r = s.save(m_store); !r)
        return showMessage(r.error().message);
    if (const QString error = m_storeTab->apply(); !error.isEmpty())
        return showMessage(error);
    QDialog::accept();
}

} // namespace xms::ui
