"""English for the undo history of review changes (ui/review_tabs/review_history.py) and the
correction messages that go with it."""

EN = {
    "已撤销：{0}": "Undone: {0}",
    "已重做：{0}": "Redone: {0}",
    "撤销“{0}”未完成，撤销记录已清空": "Undo of “{0}” did not complete; the undo history was cleared",
    "重做“{0}”未完成，撤销记录已清空": "Redo of “{0}” did not complete; the undo history was cleared",
    "该字段已不在检查清单中，请重新选择": "That field is no longer in the checklist; select it again",
    "已撤回更正并重新检查与测算：测算补贴 {0}":
        "Correction withdrawn, checked and computed again: subsidy {0}",
    "已更正字段并重新检查与测算：测算补贴 {0}": "Field corrected, checked and computed again: subsidy {0}",
}
