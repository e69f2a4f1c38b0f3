#include "clouddialog.h"

#include "secrets/secretstore.h"
#include "services/clouds.h"
#include "xloud/transportsecurity.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace xms::ui {

CloudDialog::CloudDialog(Store store, std::optional<CloudRecord> existing, QWidget* parent)
    : QDialog(parent)
    , m_store(std::move(store))
    , m_editing(existing.has_value())
    , m_name(new QLineEdit(this))
    , m_authUrl(new QLineEdit(this))
    , m_auth(new QComboBox(this))
    , m_user(new QLineEdit(this))
    , m_userDomain(new QLineEdit(QStringLiteral("Default"), this))
    , m_appCredId(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_project(new QLineEdit(this))
    , m_projectDomain(new QLineEdit(QStringLiteral("Default"), this))
    , m_region(new QLineEdit(this))
    , m_dashboard(new QLineEdit(this))
    , m_tls(new QComboBox(this))
    , m_caFile(new QLineEdit(this))
    , m_warning(new QLabel(this))
    , m_status(new QLabel(this))
    , m_test(new QPushButton(tr("&Test"), this))
    , m_save(new QPushButton(tr("&Save"), this))
{
    setObjectName(QStringLiteral("cloudDialog"));
    setWindowTitle(m_editing ? tr("Edit Xloud Cloud") : tr("Add Xloud Cloud"));
    m_name->setObjectName(QStringLiteral("cloudName"));
    m_authUrl->setObjectName(QStringLiteral("cloudAuthUrl"));
    m_authUrl->setPlaceholderText(tr("https://xloud.example:5000/v3"));
    m_auth->addItem(tr("Password"), int(CloudRecord::Auth::Password));
    m_auth->addItem(tr("Application credential"), int(CloudRecord::Auth::ApplicationCredential));
    m_user->setObjectName(QStringLiteral("cloudUser"));
    m_secret->setObjectName(QStringLiteral("cloudSecret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(m_editing ? tr("unchanged — type a new one to rotate it") : QString());
    m_secret->setToolTip(tr("Stored in the system keychain, never in XMS's files"));
    m_project->setObjectName(QStringLiteral("cloudProject"));
    m_project->setPlaceholderText(tr("default target project"));
    m_dashboard->setObjectName(QStringLiteral("cloudDashboard"));
    m_dashboard->setPlaceholderText(tr("https://xloud.example/dashboard (links to created instances)"));
    m_tls->addItem(tr("Verify with system CAs"), int(TlsPolicy::Mode::SystemCa));
    m_tls->addItem(tr("Verify with a CA file"), int(TlsPolicy::Mode::CaFile));
    m_tls->addItem(tr("Do not verify (labs only)"), int(TlsPolicy::Mode::Insecure));
    m_warning->setObjectName(QStringLiteral("cloudWarning"));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("color: #b35900;"));
    m_warning->hide();
    m_status->setObjectName(QStringLiteral("cloudStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_test->setObjectName(QStringLiteral("cloudTest"));
    m_save->setObjectName(QStringLiteral("cloudSave"));
    m_save->setDefault(true);
    if (existing) {
        const CloudRecord& c = *existing;
        m_name->setText(c.name);
        m_name->setReadOnly(true);
        m_authUrl->setText(c.authUrl);
        m_auth->setCurrentIndex(m_auth->findData(int(c.auth)));
        m_user->setText(c.username);
        m_userDomain->setText(c.userDomain);
        m_appCredId->setText(c.appCredId);
        m_project->setText(c.project);
        m_projectDomain->setText(c.projectDomain);
        m_region->setText(c.region);
        m_dashboard->setText(c.dashboardUrl);
        m_tls->setCurrentIndex(qMax(0, m_tls->findData(int(c.tls.mode))));
        m_caFile->setText(c.tls.caFile);
    }
    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Identity URL:"), m_authUrl);
    form->addRow(tr("&Authentication:"), m_auth);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("User &domain:"), m_userDomain);
    form->addRow(tr("Application credential &id:"), m_appCredId);
    form->addRow(tr("Pass&word / secret:"), m_secret);
    form->addRow(tr("&Project:"), m_project);
    form->addRow(tr("Project d&omain:"), m_projectDomain);
    form->addRow(tr("&Region:"), m_region);
    form->addRow(tr("Dashboard &URL:"), m_dashboard);
    form->addRow(tr("TLS &verification:"), m_tls);
    form->addRow(tr("&CA file:"), m_caFile);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_test, QDialogButtonBox::ActionRole);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &CloudDialog::test);
    connect(m_save, &QPushButton::clicked, this, &CloudDialog::save);
    connect(m_authUrl, &QLineEdit::textChanged, this, &CloudDialog::updateWarning);
    updateWarning();
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_warning);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

QString CloudDialog::statusText() const
{
    return m_status->text();
}

QString CloudDialog::warningText() const
{
    return m_warning->isHidden() ? QString() : m_warning->text();
}

// Shown while the URL is typed: an http Identity URL works, but sends the password in clear.
void CloudDialog::updateWarning()
{
    const QString text
        = QUrl(m_authUrl->text().trimmed()).scheme() == u"http" ? xloud::plainAuthUrlWarning(record()) : QString();
    m_warning->setText(text);
    m_warning->setHidden(text.isEmpty());
}

CloudRecord CloudDialog::record() const
{
    CloudRecord c;
    c.name = m_name->text().trimmed();
    c.authUrl = m_authUrl->text().trimmed();
    c.auth = CloudRecord::Auth(m_auth->currentData().toInt());
    c.username = m_user->text().trimmed();
    c.userDomain = m_userDomain->text().trimmed();
    c.appCredId = m_appCredId->text().trimmed();
    c.project = m_project->text().trimmed();
    c.projectDomain = m_projectDomain->text().trimmed();
    c.region = m_region->text().trimmed();
    c.dashboardUrl = m_dashboard->text().trimmed();
    c.tls.mode = TlsPolicy::Mode(m_tls->currentData().toInt());
    if (c.tls.mode == TlsPolicy::Mode::CaFile)
        c.tls.caFile = m_caFile->text().trimmed();
    return c;
}

void CloudDialog::setBusy(bool busy, const QString& text)
{
    m_test->setEnabled(!busy);
    m_save->setEnabled(!busy);
    m_status->setText(text);
}

void CloudDialog::withSecret(const CloudRecord& c, std::function<void(Result<QString>)> then)
{
    if (!m_secret->text().isEmpty() || !m_editing)
        return then(m_secret->text());
    SecretStore::backend().read(SecretStore::cloudSecretKey(c), this, std::move(then));
}

void CloudDialog::check(const CloudRecord& c, const QString& secret, std::function<void()> onSuccess)
{
    clouds::login(c, secret, this, [this, onSuccess](Result<xloud::CloudCheck> r) {
        if (!r)
            return setBusy(false, r.error().message);
        setBusy(false,
                tr("Logged in%1; %n project(s) accessible.", nullptr, int(r->projects.size()))
                    .arg(r->projectName.isEmpty() ? QString() : tr(" to project %1").arg(r->projectName)));
        onSuccess();
    });
}

void CloudDialog::test()
{
    const CloudRecord c = record();
    const QUrl url(c.authUrl);
    if (!url.isValid() || url.host().isEmpty())
        return m_status->setText(tr("Enter the Identity URL, e.g. https://xloud.example:5000/v3."));
    setBusy(true, tr("Logging in to %1…").arg(c.authUrl));
    withSecret(c, [this, c](Result<QString> secret) {
        if (!secret)
            return setBusy(false, secret.error().message);
        check(c, *secret, [] {});
    });
}

void CloudDialog::save()
{
    const CloudRecord c = record();
    const QUrl url(c.authUrl);
    if (c.name.isEmpty() || !url.isValid() || url.host().isEmpty()
        || (url.scheme() != u"https" && url.scheme() != u"http"))
        return m_status->setText(tr("A name and an Identity URL (https://…:5000/v3) are required."));
    if (!m_editing && m_store.cloud(c.name))
        return m_status->setText(tr("A cloud named %1 exists already.").arg(c.name));
    if (!m_editing && m_secret->text().isEmpty())
        return m_status->setText(tr("Enter the password or application credential secret."));
    const bool rotate = !m_secret->text().isEmpty();
    setBusy(true, tr("Logging in before saving…"));
    withSecret(c, [this, c, rotate](Result<QString> secret) {
        if (!secret)
            return setBusy(false, secret.error().message);
        check(c, *secret, [this, c, rotate, s = *secret] {
            clouds::save(m_store, c, rotate ? std::optional<QString>(s) : std::nullopt, this,
                         [this, name = c.name](Status stored) {
                             if (!stored)
                                 return setBusy(false, stored.error().message);
                             emit saved(name);
                             accept();
                         });
        });
    });
}

} // namespace xms::ui
