#include "environmentdialog.h"

#include "common/errorcodes.h"
#include "secrets/secretstore.h"
#include "services/sources.h"
#include "trustdialog.h"
#include "vsphere/connectiontest.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace xms::ui {

EnvironmentDialog::EnvironmentDialog(Store store, std::optional<EnvironmentRecord> existing, QWidget* parent)
    : QDialog(parent)
    , m_store(std::move(store))
    , m_editing(existing.has_value())
    , m_name(new QLineEdit(this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_datacenter(new QLineEdit(this))
    , m_tlsMode(new QComboBox(this))
    , m_caFile(new QLineEdit(this))
    , m_pin(new QLabel(this))
    , m_status(new QLabel(this))
    , m_test(new QPushButton(tr("&Test Connection"), this))
    , m_trust(new QPushButton(tr("T&rust Certificate…"), this))
    , m_save(new QPushButton(tr("&Save"), this))
{
    setObjectName(QStringLiteral("environmentDialog"));
    setWindowTitle(m_editing ? tr("Edit Source Environment") : tr("Add Source Environment"));
    m_name->setObjectName(QStringLiteral("envName"));
    m_name->setPlaceholderText(tr("e.g. prod-vcenter"));
    m_host->setObjectName(QStringLiteral("envHost"));
    m_host->setPlaceholderText(tr("vcenter.example.com"));
    m_port->setObjectName(QStringLiteral("envPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(443);
    m_user->setObjectName(QStringLiteral("envUser"));
    m_user->setPlaceholderText(tr("administrator@vsphere.local"));
    m_password->setObjectName(QStringLiteral("envPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(m_editing ? tr("unchanged — type a new one to rotate it") : QString());
    m_password->setToolTip(tr("Stored in the system keychain, never in XMS's files"));
    m_datacenter->setPlaceholderText(tr("optional: only this datacenter"));
    m_tlsMode->setObjectName(QStringLiteral("envTls"));
    m_tlsMode->addItem(tr("Verify with system CAs"), int(TlsPolicy::Mode::SystemCa));
    m_tlsMode->addItem(tr("Verify with a CA file"), int(TlsPolicy::Mode::CaFile));
    m_tlsMode->addItem(tr("Pinned certificate"), int(TlsPolicy::Mode::Pinned));
    m_tlsMode->addItem(tr("Do not verify (unsafe)"), int(TlsPolicy::Mode::Insecure));
    m_caFile->setPlaceholderText(tr("/path/to/ca.pem"));
    m_pin->setObjectName(QStringLiteral("envPin"));
    m_pin->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pin->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("envStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_test->setObjectName(QStringLiteral("envTest"));
    m_trust->setObjectName(QStringLiteral("envTrust"));
    m_trust->setToolTip(tr("Read the server's certificate (no password is sent) and pin it after you compare "
                           "its fingerprints"));
    m_save->setObjectName(QStringLiteral("envSave"));
    m_save->setDefault(true);

    if (existing) {
        m_name->setText(existing->name);
        m_name->setReadOnly(true);
        m_host->setText(existing->host);
        m_port->setValue(existing->port);
        m_user->setText(existing->username);
        m_datacenter->setText(existing->datacenter);
        m_tls = existing->tls;
        m_caFile->setText(existing->tls.caFile);
    }
    m_tlsMode->setCurrentIndex(m_tlsMode->findData(int(m_tls.mode)));
    connect(m_tlsMode, &QComboBox::currentIndexChanged, this, &EnvironmentDialog::updateTls);
    updateTls();

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(tr("&Datacenter:"), m_datacenter);
    form->addRow(tr("TLS &verification:"), m_tlsMode);
    form->addRow(tr("&CA file:"), m_caFile);
    form->addRow(tr("Pinned:"), m_pin);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_test, QDialogButtonBox::ActionRole);
    buttons->addButton(m_trust, QDialogButtonBox::ActionRole);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    disconnect(buttons, &QDialogButtonBox::accepted, nullptr, nullptr);
    connect(m_test, &QPushButton::clicked, this, &EnvironmentDialog::testConnection);
    connect(m_trust, &QPushButton::clicked, this, &EnvironmentDialog::trustCertificate);
    connect(m_save, &QPushButton::clicked, this, &EnvironmentDialog::save);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

QString EnvironmentDialog::statusText() const
{
    return m_status->text();
}

void EnvironmentDialog::updateTls()
{
    const auto mode = TlsPolicy::Mode(m_tlsMode->currentData().toInt());
    m_caFile->setEnabled(mode == TlsPolicy::Mode::CaFile);
    if (mode != TlsPolicy::Mode::Pinned)
        m_pin->clear();
    else if (m_tls.pinSha256.isEmpty() && m_tls.pinSha1.isEmpty())
        m_pin->setText(tr("No certificate pinned yet: use Trust Certificate…"));
    else
        m_pin->setText(
            tr("SHA-1 %1\nSHA-256 %2").arg(fingerprint::pretty(m_tls.pinSha1), fingerprint::pretty(m_tls.pinSha256)));
}

EnvironmentRecord EnvironmentDialog::record() const
{
    EnvironmentRecord e;
    e.name = m_name->text().trimmed();
    e.host = m_host->text().trimmed();
    e.port = m_port->value();
    e.username = m_user->text().trimmed();
    e.datacenter = m_datacenter->text().trimmed();
    e.tls = m_tls;
    e.tls.mode = TlsPolicy::Mode(m_tlsMode->currentData().toInt());
    e.tls.caFile = e.tls.mode == TlsPolicy::Mode::CaFile ? m_caFile->text().trimmed() : QString();
    return e;
}

void EnvironmentDialog::setBusy(bool busy, const QString& text)
{
    for (QPushButton* b : {m_test, m_trust, m_save})
        b->setEnabled(!busy);
    m_status->setText(text);
}

void EnvironmentDialog::showError(const Error& error)
{
    QString text = error.message;
    if (error.is(errc::kTlsUntrusted))
        text += u' ' + tr("Use Trust Certificate… to compare and pin its fingerprints.");
    setBusy(false, text);
}

void EnvironmentDialog::withPassword(std::function<void(Result<QString>)> then)
{
    if (!m_password->text().isEmpty() || !m_editing)
        return then(m_password->text());
    SecretStore::backend().read(SecretStore::sourcePasswordKey(m_name->text().trimmed()), this, std::move(then));
}

void EnvironmentDialog::testConnection()
{
    const EnvironmentRecord env = record();
    if (env.host.isEmpty() || env.username.isEmpty())
        return m_status->setText(tr("Enter the host and the user first."));
    setBusy(true, tr("Connecting to %1…").arg(env.host));
    withPassword([this, env](Result<QString> password) {
        if (!password)
            return showError(password.error());
        vsphere::ConnectionTest::run(vsphere::Session::optionsFor(env, *password), env.datacenter, this,
                                     [this](Result<vsphere::ConnectionReport> r) {
                                         if (!r)
                                             return showError(r.error());
                                         setBusy(false, tr("Connected: %1.").arg(r->about.fullName));
                                     });
    });
}

void EnvironmentDialog::trustCertificate()
{
    const EnvironmentRecord env = record();
    if (env.host.isEmpty())
        return m_status->setText(tr("Enter the host first."));
    setBusy(true, tr("Reading the certificate of %1…").arg(env.host));
    vsphere::ConnectionTest::fetchCertificate(
        env.host, env.port, this, [this, host = env.host](Result<vsphere::PeerCertificate> cert) {
            if (!cert)
                return showError(cert.error());
            setBusy(false, QString());
            auto* dialog = new TrustDialog(host, *cert, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QDialog::accepted, this, [this, c = *cert] {
                m_tls = TlsPolicy {};
                m_tls.mode = TlsPolicy::Mode::Pinned;
                m_tls.pinSha1 = c.sha1;
                m_tls.pinSha256 = c.sha256;
                m_tlsMode->setCurrentIndex(m_tlsMode->findData(int(TlsPolicy::Mode::Pinned)));
                updateTls();
                m_status->setText(tr("Certificate pinned. Test the connection, then save."));
            });
            dialog->open();
        });
}

void EnvironmentDialog::save()
{
    const EnvironmentRecord env = record();
    if (!sources::isValidName(env.name))
        return m_status->setText(tr("The name may hold letters, digits, '.', '_' and '-' (up to 64, starting with a "
                                    "letter or digit)."));
    if (!m_editing && m_store.environment(env.name))
        return m_status->setText(tr("A source named %1 exists already. Choose another name.").arg(env.name));
    if (env.host.isEmpty() || env.username.isEmpty() || (!m_editing && m_password->text().isEmpty()))
        return m_status->setText(tr("Host, user and password are required."));
    if (env.tls.mode == TlsPolicy::Mode::Pinned && env.tls.pinSha1.isEmpty() && env.tls.pinSha256.isEmpty())
        return m_status->setText(tr("Pin a certificate with Trust Certificate… first."));
    const bool rotate = !m_password->text().isEmpty();
    setBusy(true, tr("Logging in to %1 before saving…").arg(env.host));
    // Only what works is saved: the service logs in, then writes the keychain, then the record.
    withPassword([this, env, rotate](Result<QString> password) {
        if (!password)
            return showError(password.error());
        sources::save(m_store, env, *password, rotate, this, [this, env](Result<vsphere::ConnectionReport> r) {
            if (!r)
                return showError(r.error());
            emit saved(env.name);
            accept();
        });
    });
}

} // namespace xms::ui
