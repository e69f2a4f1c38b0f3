#pragma once

#include "common/tlspolicy.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace xms {

// A vSphere endpoint (vCenter or ESXi). The password lives in the keychain, never here.
struct EnvironmentRecord
{
    QString name;
    QString host;
    int port = 443;
    QString username;
    QString datacenter; // optional scope for discovery
    TlsPolicy tls;
    QDateTime createdAt;
    QDateTime updatedAt;
};

// An Xloud (OpenStack) cloud. Password or application-credential secret live in the keychain.
struct CloudRecord
{
    enum class Auth { Password, ApplicationCredential };
    QString name;
    QString authUrl; // Keystone v3, e.g. https://xloud.example:5000/v3
    QString region;
    Auth auth = Auth::Password;
    QString username;
    QString userDomain = QStringLiteral("Default");
    QString appCredId;
    QString appCredName;
    QString project; // default project
    QString projectDomain = QStringLiteral("Default");
    TlsPolicy tls;
    QString dashboardUrl; // optional; links to created instances
    QDateTime createdAt;
    QDateTime updatedAt;
};

// A saved network mapping (source network name → target network/subnet, keep MAC), reusable across VMs.
struct ProfileRecord
{
    QString name;
    QJsonObject mapping;
    QDateTime createdAt;
    QDateTime updatedAt;
};

} // namespace xms
