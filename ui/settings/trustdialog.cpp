#include "trustdialog.h"

#include "common/tlspolicy.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace xms::ui {

TrustDialog::TrustDialog(const QString& host, const vsphere::PeerCertificate& cert, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("trustDialog"));
    setWindowTitle(tr("Trust Certificate"));
    auto* intro = new QLabel(tr("<b>%1</b> presented a certificate that is not verified by a trusted authority. "
                                "Compare these fingerprints with the ones vCenter shows (or your administrator "
                                "gives you) before trusting it.")
                                 .arg(host.toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    auto addRow = [&](const QString& label, const QString& value, const char* name) {
        auto* v = new QLabel(value, this);
        v->setObjectName(QString::fromLatin1(name));
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        v->setWordWrap(true);
        form->addRow(label, v);
    };
    addRow(tr("Subject:"), cert.subject, "certSubject");
    addRow(tr("Issuer:"), cert.issuer, "certIssuer");
    addRow(tr("Expires:"), QLocale().toString(cert.notAfter.toLocalTime(), QLocale::LongFormat), "certExpiry");
    addRow(tr("SHA-1:"), fingerprint::pretty(cert.sha1), "certSha1");
    addRow(tr("SHA-256:"), fingerprint::pretty(cert.sha256), "certSha256");
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto* trust = buttons->addButton(tr("&Trust This Certificate"), QDialogButtonBox::AcceptRole);
    trust->setObjectName(QStringLiteral("trustButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

} // namespace xms::ui
