#pragma once

#include <QStyledItemDelegate>

namespace xms::ui {

// Edits a cell with a combo box whose choices the model gives under `optionsRole` (a QStringList).
class ComboDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    ComboDelegate(int optionsRole, QObject* parent = nullptr);
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;

private:
    int m_optionsRole;
};

} // namespace xms::ui
