#include "jobstoretab.h"

#include "services/storeaccess.h"
#include "store/store.h"

#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace xms::ui {

JobStoreTab::JobStoreTab(QWidget* parent)
    : QWidget(parent)
    , m_local(new QRadioButton(tr("&This computer only (local database)"), this))
    , m_shared(new QRadioButton(tr("&Shared PostgreSQL server (workers on several hosts)"), this))
    , m_url(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_test(new QPushButton(tr("Test &Connection"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("jobStoreTab"));
    m_url->setObjectName(QStringLiteral("storeUrl"));
    m_url->setPlaceholderText(QStringLiteral("postgresql://xms@db.example:5432/xms"));
    m_password->setObjectName(QStringLiteral("storePassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("unchanged (kept in the keychain)"));
    m_status->setObjectName(QStringLiteral("storeStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    const auto where = storeaccess::chosen();
    if (where && where->isPostgres())
        m_initial = where->display();
    (m_initial.isEmpty() ? m_local : m_shared)->setChecked(true);
    m_url->setText(m_initial);
    if (qEnvironmentVariableIsSet("XMS_STORE"))
        m_status->setText(tr("XMS_STORE is set in this environment; it wins over what is saved here."));

    auto* form = new QFormLayout;
    form->addRow(tr("Server &URL:"), m_url);
    form->addRow(tr("Pass&word:"), m_password);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_local);
    layout->addWidget(m_shared);
    layout->addLayout(form);
    layout->addWidget(m_test, 0, Qt::AlignLeft);
    layout->addWidget(m_status);
    layout->addWidget(new QLabel(tr("A change takes effect the next time XMS Desktop starts."), this));
    layout->addStretch(1);
    connect(m_shared, &QRadioButton::toggled, this, &JobStoreTab::updateEnabled);
    connect(m_test, &QPushButton::clicked, this, &JobStoreTab::test);
    updateEnabled();
}

void JobStoreTab::updateEnabled()
{
    const bool shared = m_shared->isChecked();
    m_url->setEnabled(shared);
    m_password->setEnabled(shared);
    m_test->setEnabled(shared);
}

void JobStoreTab::test()
{
    auto where = StoreLocation::fromUrl(m_url->text());
    if (!where) {
        m_status->setText(where.error().message);
        return emit tested(false);
    }
    QString password = m_password->text();
    if (password.isEmpty())
        password = storeaccess::password(*where).value_or(QString());
    m_test->setEnabled(false);
    m_status->setText(tr("Connecting to %1…").arg(where->display()));
    // Connecting can take the server's whole timeout: never on the GUI thread.
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        const QString error = watcher->result();
        watcher->deleteLater();
        m_test->setEnabled(m_shared->isChecked());
        m_status->setText(error.isEmpty() ? tr("Connected: the job store is ready.") : error);
        emit tested(error.isEmpty());
    });
    watcher->setFuture(QtConcurrent::run([at = *where, password]() -> QString {
        auto store = Store::open(at, password);
        return store ? QString() : store.error().message;
    }));
}

QString JobStoreTab::apply()
{
    const QString url = m_shared->isChecked() ? m_url->text().trimmed() : QString();
    if (m_shared->isChecked()) {
        auto where = StoreLocation::fromUrl(url);
        if (!where)
            return where.error().message;
        if (!m_password->text().isEmpty())
            if (auto saved = storeaccess::savePassword(*where, m_password->text()); !saved)
                return saved.error().message;
    }
    if (url == m_initial)
        return {};
    if (auto chosen = storeaccess::choose(url); !chosen)
        return chosen.error().message;
    m_initial = url;
    return {};
}

} // namespace xms::ui
