"""English for the 认定事实 (set facts) dialog and 更改文档类型 (relabel) in the window (issue 13,
items 1 and 6)."""

EN = {
    "认定事实…": "Set facts…",
    "认定事实(&F)…": "Set &facts…",
    "认定事实": "Set facts",
    "人工认定申报方向、服务期限、是否国产等事实 (Ctrl+Shift+F)":
        "Set facts such as the declared direction, the service period or domestic cards (Ctrl+Shift+F)",
    "更改文档类型…": "Change document kind…",
    "更改文档类型(&K)…": "Change document &kind…",
    "更改文档类型": "Change document kind",
    "按所选材料的正确类型重新读取，并记住此文件的类型 (Ctrl+Shift+K)":
        "Read the selected document again as its right kind and remember it for this file (Ctrl+Shift+K)",
    "事实未改变": "No fact changed",
    "正在认定事实并重新检查与测算…": "Setting the facts and running the checks and the calculation again…",
    "已认定事实并重新检查与测算：测算补贴 {0}":
        "Facts set; checks and calculation run again: subsidy {0}",
    "请先在检查清单中选择一份材料": "Select a document in the checklist first",
    "正在按新类型重新读取材料…": "Reading the document again as the new kind…",
    "已更改文档类型：{0}，重新读取 {1} 个字段并重新检查与测算":
        "Document kind changed: {0}; {1} fields read again, checks and calculation run again",
    "正在识别扫描页文字：第 {0}/{1} 页": "Recognising the text of scanned pages: page {0}/{1}",
    "<b>{0}</b> {1}（{2}）<br>材料未载明或读错的事实可由人工认定；原提取值保留，认定人和时间记入审计日志，确定后重新检查与测算。":
        "<b>{0}</b> {1} ({2})<br>Facts the documents do not show, or that were misread, can be set by "
        "a person; what was read is kept, who set them and when goes to the audit log, and the "
        "checks and the calculation run again.",
    "事实": "Fact",
    "当前": "Now",
    "认定为": "Set to",
    "认定{0}": "Set {0}",
    "认定并重新测算": "Set and recalculate",
    "适用政策：{0}": "Matters for: {0}",
    "{0}（{1} 于 {2} 认定）": "{0} (set by {1} on {2})",
    "{0}（测算所用，据材料或推定）": "{0} (used by the calculation; read or inferred)",
    "未认定（按 0 计）": "not set (counted as 0)",
    "未知": "not known",
    "（不认定）": "(not set)",
    "金额（元），如 120000.00": "amount in yuan, e.g. 120000.00",
    "日期，如 2026-03-31": "date, e.g. 2026-03-31",
    "材料编号:行号，如 12:3, 12:4": "DOCUMENT:LINE, e.g. 12:3, 12:4",
    "留空表示不认定": "leave empty for not set",
    "由 {0} 人工认定": "set by {0}",
    "识别置信度 {0}%；依据：{1}": "recognised with {0}% confidence; by: {1}",
    "材料：{0}\n当前类型：{1}（{2}）\n\n改为以下类型后，将按该类型重新读取此材料（扫描页将识别文字），并记住此文件的类型；随后重新检查与测算。":
        "Document: {0}\nKind now: {1} ({2})\n\nWith the kind below the document is read again as "
        "that kind (scanned pages are recognised), the kind is remembered for this file, and the "
        "checks and the calculation run again.",
    "文档类型": "Document kind",
    "{0}（人工补录）": "{0} (entered by a person)",
    "材料中未读出，由 {0} 于 {1} 人工补录：{2}": "Not read from the document; entered by {0} on {1}: {2}",
    "补录字段…": "Enter a missing field…",
    "补录字段": "Enter a missing field",
    "材料：{0}\n补录材料中未读出的字段（如未读出的合同金额、签订日期）；补录人和时间记入审计日志，随后重新检查与测算。":
        "Document: {0}\nEnter a field the reader did not find (such as a contract's total or "
        "signing date); who entered it and when goes to the audit log, then the checks and the "
        "calculation run again.",
    "字段": "Field",
    "补录的值": "Value entered",
    "此材料没有可补录的字段": "This document has no field to enter",
    "正在补录字段并重新检查与测算…": "Entering the field and running the checks and the calculation again…",
    "已补录字段并重新检查与测算：测算补贴 {0}": "Field entered; checks and calculation run again: subsidy {0}",
}
