#pragma once

#include "async.h"
#include "common/errorcodes.h"
#include "common/text.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

namespace xms::xloud {

struct WaitOptions
{
    int intervalMs = 2000; // first pause between polls
    int maxIntervalMs = 10000; // the pause grows by half each time up to this
    int timeoutMs = 60 * 60 * 1000; // then "xloud.wait_timeout"
};

// Delete the handle's object to stop a wait; it is null once the wait is over.
using WaitHandle = QPointer<QObject>;

// Polls an asynchronous read on a timer until a verdict says done or failed — no nested event loop.
// The object is the handle: delete it (or its parent, the client) to stop waiting; the callback is
// then never called. It deletes itself after calling the callback.
template<typename T> class Waiter final : public QObject
{
public:
    using Fetch = std::function<void(Callback<T>)>;
    // nullopt: keep waiting; a value or an error: the outcome.
    using Verdict = std::function<std::optional<Result<T>>(const T&)>;

    static WaitHandle start(QObject* parent, const WaitOptions& options, QString what, Fetch fetch, Verdict verdict,
                            Callback<T> done)
    {
        auto* w = new Waiter(parent, options, std::move(what), std::move(fetch), std::move(verdict), std::move(done));
        w->poll();
        return w;
    }

private:
    Waiter(QObject* parent, const WaitOptions& options, QString what, Fetch fetch, Verdict verdict, Callback<T> done)
        : QObject(parent)
        , m_options(options)
        , m_interval(options.intervalMs)
        , m_deadline(options.timeoutMs)
        , m_what(std::move(what))
        , m_fetch(std::move(fetch))
        , m_verdict(std::move(verdict))
        , m_done(std::move(done))
    {
    }

    void poll()
    {
        QPointer<Waiter> self(this);
        m_fetch([self](Result<T> r) {
            if (self)
                self->judge(std::move(r));
        });
    }

    void judge(Result<T> r)
    {
        if (!r)
            return finish(std::move(r));
        if (std::optional<Result<T>> outcome = m_verdict(*r))
            return finish(std::move(*outcome));
        if (m_deadline.hasExpired())
            return finish(fail(errc::kXloudWaitTimeout,
                               Text::translate("xms::xloud::Waiter",
                                               "Gave up waiting for %1 after %2 minutes. Check it in the "
                                               "Xloud dashboard; it may still finish.")
                                   .toString()
                                   .arg(m_what)
                                   .arg(m_options.timeoutMs / 60000.0, 0, 'f', 1)));
        QTimer::singleShot(m_interval, this, [this] { poll(); });
        m_interval = std::min(m_interval + m_interval / 2, m_options.maxIntervalMs);
    }

    void finish(Result<T> r)
    {
        deleteLater();
        m_done(std::move(r));
    }

    WaitOptions m_options;
    int m_interval;
    QDeadlineTimer m_deadline;
    QString m_what;
    Fetch m_fetch;
    Verdict m_verdict;
    Callback<T> m_done;
};

} // namespace xms::xloud
