#include "stage.h"

#include <QCoreApplication>

namespace xms {

namespace {
struct StageInfo
{
    Stage stage;
    const char* key;
    const char* name;
};

constexpr StageInfo kStages[] = {
    {Stage::Queued, "queued", QT_TRANSLATE_NOOP("Stage", "Queued")},
    {Stage::Export, "export", QT_TRANSLATE_NOOP("Stage", "Export")},
    {Stage::Inspect, "inspect", QT_TRANSLATE_NOOP("Stage", "Inspect")},
    {Stage::GuestFixes, "guest_fixes", QT_TRANSLATE_NOOP("Stage", "Guest Fixes")},
    {Stage::WriteVolume, "write_volume", QT_TRANSLATE_NOOP("Stage", "Write Volume")},
    {Stage::Finalize, "finalize", QT_TRANSLATE_NOOP("Stage", "Finalize")},
    {Stage::Completed, "completed", QT_TRANSLATE_NOOP("Stage", "Completed")},
    {Stage::Failed, "failed", QT_TRANSLATE_NOOP("Stage", "Failed")},
    {Stage::Cancelled, "cancelled", QT_TRANSLATE_NOOP("Stage", "Cancelled")},
};

const StageInfo& info(Stage stage)
{
    return kStages[static_cast<int>(stage)];
}
} // namespace

QString stageName(Stage stage)
{
    return stageText(stage).toString();
}
Text stageText(Stage stage)
{
    return Text::translate("Stage", info(stage).name);
}
QString stageKey(Stage stage)
{
    return QString::fromLatin1(info(stage).key);
}

std::optional<Stage> stageFromKey(QStringView key)
{
    for (const auto& s : kStages) {
        if (key == QLatin1StringView(s.key))
            return s.stage;
    }
    return std::nullopt;
}

bool isTerminal(Stage stage)
{
    return stage == Stage::Completed || stage == Stage::Failed || stage == Stage::Cancelled;
}

const QList<Stage>& workStages()
{
    static const QList<Stage> stages {Stage::Export, Stage::Inspect, Stage::GuestFixes, Stage::WriteVolume,
                                      Stage::Finalize};
    return stages;
}

} // namespace xms
