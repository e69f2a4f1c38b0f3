#include "asyncdialogs.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>

namespace xms::ui {

void askYesNo(QWidget* parent, const QString& title, const QString& text, std::function<void()> onYes)
{
    auto* box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::No, parent);
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::finished, box, [onYes = std::move(onYes)](int answer) {
        if (answer == QMessageBox::Yes)
            onYes();
    });
    box->open();
}

void askText(QWidget* parent, const QString& title, const QString& label, const QString& initial,
             std::function<void(const QString&)> onText)
{
    auto* dialog = new QInputDialog(parent);
    dialog->setWindowTitle(title);
    dialog->setLabelText(label);
    dialog->setTextValue(initial);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QInputDialog::textValueSelected, dialog, [onText = std::move(onText)](const QString& t) {
        if (!t.trimmed().isEmpty())
            onText(t.trimmed());
    });
    dialog->open();
}

void askPath(QWidget* parent, FileMode mode, const QString& title, const QString& start, const QString& filter,
             std::function<void(const QString&)> onPath)
{
    auto* dialog = new QFileDialog(parent, title, start, filter);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    switch (mode) {
    case FileMode::Open: dialog->setFileMode(QFileDialog::ExistingFile); break;
    case FileMode::Save: dialog->setAcceptMode(QFileDialog::AcceptSave); break;
    case FileMode::Directory: dialog->setFileMode(QFileDialog::Directory); break;
    }
    QObject::connect(dialog, &QFileDialog::fileSelected, dialog, [onPath = std::move(onPath)](const QString& path) {
        if (!path.isEmpty())
            onPath(path);
    });
    dialog->open();
}

} // namespace xms::ui
