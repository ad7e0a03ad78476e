"""English for issue 19 items 12–13: the verify window's verdict lines, the output bar and
printing, notes, the dashboard and the audit-log viewer (read by en_glossary.py)."""

EN: dict[str, str] = {
    # audit-log viewer
    "审计日志": "Audit log", "操作人": "Actor", "操作": "Action", "全部申报": "All applications",
    "自(&S)": "&From", "起始日期": "Start date", "至(&U)": "&Until", "结束日期": "End date",
    "查询(&Q)": "&Query", "清除筛选(&C)": "&Clear filters", "操作人(&A)：": "&Actor:",
    "操作(&O)：": "Acti&on:", "申报(&P)：": "A&pplication:", "日期（北京时间）：": "Dates (Beijing time):",
    "审计事件": "Audit events", "序号": "No.", "时间（北京时间）": "Time (Beijing)", "对象": "Object",
    "事件详情": "Event details",
    "选择一条事件查看修改前后的内容。": "Select an event to see what it changed.",
    "核验审计链(&V)": "&Verify audit chain",
    "与 slq-desk audit verify 相同：逐条核对哈希链，并与工作区的检查点比对":
        "Same as slq-desk audit verify: walks the hash chain and compares it with the workspace's "
        "checkpoints",
    "未打开工作区。": "No workspace open.", "（只显示最新的 {0} 条）": " (only the newest {0} shown)",
    "{0} 条事件": "{0} events", "修改前：{0}": "Before: {0}", "修改后：{0}": "After: {0}",
    "正在核验审计链…": "Verifying the audit chain…", "有事件缺失": "an event is missing",
    "与前一条事件不衔接（被删除或重排）": "does not follow the previous event (removed or reordered)",
    "记录后内容被改动": "content changed after it was recorded", "无法核验：{0}": "Cannot verify: {0}",
    "✔ 审计链完整：{0} 条事件": "✔ Audit chain intact: {0} events",
    "✘ 审计链断裂：第 {0} 条事件（{1}）": "✘ Audit chain broken at event {0} ({1})",
    "已与 {0} 个检查点比对（最新为第 {1} 条）":
        "Compared with {0} checkpoints (the newest at event {1})",
    "注意：没有可比对的检查点，无法发现尾部截断":
        "Note: no checkpoint to compare with; a cut tail could not be seen",
    "注意：{0} 个检查点由他人的密钥生成，本机无法核验":
        "Note: {0} checkpoints were made with another person's key and cannot be checked here",
    "全部操作": "All actions", "{0}类（全部）": "Every {0} action",
    # dashboard
    "刷新(&U)": "&Update", "按政策与状态统计": "By policy and status", "阻断性问题": "Blocking findings",
    "受阻的申报": "Blocked applications", "等待": "Waiting for", "自（北京时间）": "Since (Beijing)",
    "期限": "Deadline", "待办：等待谁": "To do: waiting for whom",
    "受阻：有阻断性问题的申报（双击打开）": "Blocked: applications with blocking findings (double-click to open)",
    "待办：每份申报在等待谁（双击打开）": "To do: whom each application waits for (double-click to open)",
    "初审经办人": "Preliminary-review official", "申报单位（补正）": "Applicant (supplement)",
    "评审组组长": "Panel chair", "财政兑付": "Payment (finance)",
    "共 {0} 份申报 · 受阻 {1} 份 · 待办 {2} 份": "{0} applications · {1} blocked · {2} waiting",
    "合计": "Total", "：{0}": ": {0}", "最常见的阻断性问题：{0}": "Most frequent blocking findings: {0}",
    "{0}（{1} 份）": "{0} ({1})", "没有受阻的申报。": "No application is blocked.",
    # notes
    "备注列表": "Notes", "尚无备注。": "No notes yet.", "新备注": "New note",
    "写下备注（例如待核实的问题、与申报单位的沟通），Ctrl+Enter 保存":
        "Write a note (a point to check, a call with the applicant); Ctrl+Enter saves",
    "添加备注(&A)": "&Add note", "保存备注 (Ctrl+Enter)": "Save the note (Ctrl+Enter)",
    "申报 {0} 的备注": "Notes on application {0}", "{0} · {1}（北京时间）": "{0} · {1} (Beijing time)",
    "署名：{0}": "Signed: {0}", "署名：（未设置，保存时将询问姓名）":
        "Signed: (not set; your name is asked when you save)",
    "备注(&N)": "&Notes", "备注": "Notes",
    # outputs and printing
    "打开文件(&F)": "Open &file", "打开所在文件夹(&D)": "Open fol&der", "打印(&P)…": "&Print…",
    "已导出：{0}": "Exported: {0}", "无法打开文件：{0}": "Cannot open the file: {0}",
    "无法打开文件夹：{0}": "Cannot open the folder: {0}", "申报 {0} 的输出文件": "Output files of {0}",
    "签署": "Signature", "已签署：{0}": "Signed: {0}", "未签署（草稿）": "Unsigned (draft)",
    "（已签署）": " (signed)", "（草稿）": " (draft)", "{0}（文件已不在）": "{0} (file no longer there)",
    "本申报还没有导出的评审意见或通知书。": "No opinion or notice has been exported for this application yet.",
    "补正材料通知书": "Supplement notice", "受理通知书": "Acceptance notice",
    "不予受理通知书": "Rejection notice", "专家评审意见表": "Expert review opinion",
    "初审意见": "Preliminary-review opinion", "评审组意见": "Panel opinion", "{0}：{1}": "{0}: {1}",
    "打印预览：{0}": "Print preview: {0}", "打印": "Print", "无法打印：{0}": "Cannot print: {0}",
    "备份副本：{0}": "Backup copy: {0}",
    "工作概况(&B)": "Overview (&B)", "工作概况": "Overview",
    "审计日志(&A)…": "&Audit log…", "输出文件与打印(&P)…": "Output files and &printing…",
    "本申报的评审意见与通知书：打开、打开所在文件夹、打印 (Ctrl+P)":
        "This application's opinions and notices: open, open the folder, print (Ctrl+P)",
    # verify window: one verdict
    "签名范围内的内容与签名不符": "the signed content does not match the signature",
    "签名后内容被改动（摘要不符）": "content changed after signing (digest mismatch)",
    "填写了表单或追加了签名": "form filled or another signature added",
    "签名后文件被修改": "file modified after signing",
}
