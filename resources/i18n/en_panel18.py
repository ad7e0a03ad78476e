"""English for issue 18's scale work (the 查重 dialog's progress and cancel): read by en_glossary.py."""

EN: dict[str, str] = {
    "查重进度": "Duplicate check progress",
    "取消查重(&C)": "&Cancel duplicate check",
    "已取消查重，索引与已有结果保持不变。":
        "Duplicate check cancelled; the index and the earlier results are unchanged.",
    "正在取消查重…": "Cancelling the duplicate check…",
    "正在重建查重索引：{0} / {1} 份申报": "Rebuilding the duplicate index: {0} / {1} applications",
    "正在比对查重索引…": "Comparing the duplicate index…",
    "正在记录查重结果…": "Recording the duplicate check results…",
}
