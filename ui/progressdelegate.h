#pragma once

#include <QStyledItemDelegate>

namespace xms::ui {

// Draws an integer 0–100 as a progress bar, the way the jobs table shows overall progress.
class ProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace xms::ui
