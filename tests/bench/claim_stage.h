#pragma once

#include "common/errorcodes.h"
#include "engine/stagerunner.h"

#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>

namespace xms::bench {

// The bench's only stage: does nothing for durationMs (0: ends at once), reporting progress every
// progressMs as a transfer would, so the store sees what a running job writes and nothing else.
// Write Volume, because that is the long stage whose progress the views show with bytes.
class NoopStage final : public StageRunner
{
public:
    NoopStage(int durationMs, int progressMs, QObject* parent)
        : StageRunner(parent)
        , m_durationMs(durationMs)
    {
        m_tick.setInterval(progressMs);
        QObject::connect(&m_tick, &QTimer::timeout, this, [this] { report(); });
        m_end.setSingleShot(true);
        QObject::connect(&m_end, &QTimer::timeout, this, [this] { end({}); });
    }
    Stage stage() const override { return Stage::WriteVolume; }
    void start(JobContext*) override
    {
        m_clock.start();
        if (m_durationMs > 0)
            m_tick.start();
        m_end.start(m_durationMs); // 0: on the next turn of the event loop, never inside start()
    }
    void cancel() override
    {
        m_end.stop();
        QTimer::singleShot(0, this, [this] { end(fail(errc::kJobCancelled, QStringLiteral("cancelled"))); });
    }

private:
    static constexpr qint64 kBytes = qint64(10) << 30; // a 10 GiB disk, for the figures the store keeps

    void report()
    {
        const qint64 done = kBytes * std::min<qint64>(m_clock.elapsed(), m_durationMs) / m_durationMs;
        emit progress(int(done * 100 / kBytes), done, kBytes);
    }
    void end(const Status& result)
    {
        if (m_ended)
            return;
        m_ended = true;
        m_tick.stop();
        emit finished(result);
    }

    int m_durationMs;
    bool m_ended = false;
    QElapsedTimer m_clock;
    QTimer m_tick;
    QTimer m_end;
};

} // namespace xms::bench
