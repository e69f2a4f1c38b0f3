#pragma once

#include "vsphere/peercertificate.h"

#include <QDialog>

namespace xms::ui {

// Shows a server certificate (subject, issuer, expiry, SHA-1 and SHA-256 fingerprints) so the operator
// can compare it with what vCenter shows before pinning it. Accepted = trust exactly this certificate.
class TrustDialog : public QDialog
{
    Q_OBJECT
public:
    TrustDialog(const QString& host, const vsphere::PeerCertificate& cert, QWidget* parent = nullptr);
};

} // namespace xms::ui
