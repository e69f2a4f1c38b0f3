#include "combodelegate.h"

#include <QComboBox>

namespace xms::ui {

ComboDelegate::ComboDelegate(int optionsRole, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_optionsRole(optionsRole)
{
}

QWidget* ComboDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex& index) const
{
    auto* combo = new QComboBox(parent);
    for (const QString& option : index.data(m_optionsRole).toStringList())
        combo->addItem(option.isEmpty() ? tr("(automatic)") : option, option);
    // Commit as soon as a choice is made, so keyboard users need no extra Enter.
    connect(combo, &QComboBox::activated, this, [this, combo] {
        emit const_cast<ComboDelegate*>(this)->commitData(combo);
    });
    return combo;
}

void ComboDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    auto* combo = static_cast<QComboBox*>(editor);
    combo->setCurrentIndex(qMax(0, combo->findData(index.data(Qt::EditRole).toString())));
}

void ComboDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    auto* combo = static_cast<QComboBox*>(editor);
    model->setData(index, combo->currentData(), Qt::EditRole);
}

} // namespace xms::ui
