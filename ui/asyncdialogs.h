#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace xms::ui {

// Questions to the user that answer through a callback (QDialog::open), so no caller waits in a nested
// event loop. The callbacks run only on a positive answer.
void askYesNo(QWidget* parent, const QString& title, const QString& text, std::function<void()> onYes);
void askText(QWidget* parent, const QString& title, const QString& label, const QString& initial,
             std::function<void(const QString&)> onText); // trimmed, never empty
enum class FileMode { Open, Save, Directory };
void askPath(QWidget* parent, FileMode mode, const QString& title, const QString& start, const QString& filter,
             std::function<void(const QString&)> onPath);

} // namespace xms::ui
