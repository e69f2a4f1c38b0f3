#pragma once

#include "common/text.h"

#include <QList>
#include <QString>
#include <optional>

namespace xms {

// The product's vocabulary (Xloud's names, kept exactly). Guest Fixes runs before Write Volume here:
// a workstation fixes the local staging image because it cannot attach a cloud volume.
enum class Stage {
    Queued,
    Export,
    Inspect,
    GuestFixes,
    WriteVolume,
    Finalize,
    Completed,
    Failed,
    Cancelled,
};

QString stageName(Stage stage); // "Guest Fixes", in this process's language
Text stageText(Stage stage); // the same, rendered where it is read
QString stageKey(Stage stage); // "guest_fixes" — stable, for the store and JSON
std::optional<Stage> stageFromKey(QStringView key);
bool isTerminal(Stage stage);
// The stages that do work, in execution order (each has its own progress bar).
const QList<Stage>& workStages();

} // namespace xms
