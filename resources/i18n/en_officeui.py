"""English for the 初审 office screens (slq_desk/ui/office): read by en_glossary.py."""

EN: dict[str, str] = {
    # 查重
    "查重": "Duplicate check",
    "在整个工作区（跨政策）查找同一发票、同一合同、同一文件、同一申报单位重复申报；每处重复在两份申报上各记一条警告。双击申报编号打开该申报。":
        "Finds the same invoice, contract, file or applicant claimed twice across the whole "
        "workspace (across policies); each duplicate is a warning on both applications. "
        "Double-click an application ID to open it.",
    "重复项": "Duplicates", "申报（在先）": "Application (earlier)",
    "申报（在后）": "Application (later)", "重复内容": "Shared item",
    "先重建查重索引（字段更正之后）(&X)": "Rebuild the duplicate index first (after field corrections) (&X)",
    "运行查重(&R)": "&Run duplicate check", "打开另一份申报(&O)": "&Open the other application",
    "同一发票": "Same invoice", "同一合同编号": "Same contract number",
    "疑似同一合同": "Probably the same contract", "相同文件": "Identical file",
    "同一单位跨政策申报": "Same applicant under two policies",
    "同一单位同年两次申报": "Same applicant twice in one year",
    "查重未完成：{0}": "Duplicate check not finished: {0}", "正在查重…": "Checking for duplicates…",
    "发现 {0} 处重复，两份申报上均已记为警告。":
        "{0} duplicates found; each is recorded as a warning on both applications.",
    "未发现重复。": "No duplicates found.",
    "打开另一份申报 {0}(&O)": "&Open the other application {0}",
    # reference lists
    "参考名单": "Reference lists", "已导入的名单": "Imported lists", "使用中": "In use",
    "日期": "Date", "条目": "Entries", "来源": "Source", "导入人": "Imported by",
    "已导入的名单（每类以日期最新的一份为准）(&L)：":
        "Imported &lists (the newest of each kind is the one in use):",
    "尚未导入任何名单：相关规则会生成“请人工核对”的提示。":
        "No list imported yet: the rules that need one ask for a check by hand.",
    "导入名单（CSV 或 XLSX；列：名称、统一社会信用代码、设备型号、日期、备注）":
        "Import a list (CSV or XLSX; columns: name, USCC, device model, date, note)",
    "名单类别": "List kind", "类别(&K)：": "&Kind:", "名单文件": "List file", "文件(&F)：": "&File:",
    "如：武汉市数据局公告 2026年第3号": "e.g. Wuhan Data Bureau notice no. 3 of 2026",
    "来源(&S)：": "&Source:", "名单日期": "List date", "名单日期(&D)：": "List &date:",
    "选择名单文件": "Choose the list file", "名单 (*.csv *.xlsx)": "Lists (*.csv *.xlsx)",
    "请选择名单文件。": "Choose the list file.",
    "已导入 {0}：{1} 条，日期 {2}。": "Imported {0}: {1} entries, dated {2}.",
    # manual 查验
    "发票查验与信用核查 · 申报 {0}": "Invoice verification and credit check · application {0}",
    "发票查验（全国增值税发票查验平台，人工核对）":
        "Invoice verification (national VAT invoice verification site, checked by hand)",
    "发票": "Invoice", "（未读出号码）": "(number not read)", "发票(&I)：": "&Invoice:",
    "查验结果": "Result", "查验结果(&R)：": "&Result:", "查验日期": "Checked on",
    "查验日期(&D)：": "Checked on (&D):", "查验人": "Checked by", "查验人(&B)：": "Checked &by:",
    "备注": "Note", "备注(&N)：": "&Note:", "记录发票查验(&V)": "Record the in&voice check",
    "此申报没有识别为发票的材料。": "This application has no document recognised as an invoice.",
    "信用核查（“信用中国”信用报告）": "Credit check (Credit China report)",
    "核查结果": "Credit result", "核查结果(&C)：": "&Credit result:", "核查日期": "Seen on",
    "核查日期(&T)：": "Seen on (&T):", "核查人": "Seen by", "核查人(&H)：": "Seen by (&H):",
    "信用报告编号": "Credit report number", "信用报告编号(&P)：": "Credit re&port number:",
    "记录信用核查(&K)": "Record the credit chec&k",
    "不一致": "Mismatch", "查无此票": "Not found", "无失信记录": "No bad-credit record",
    "有失信记录": "Bad-credit record", "未查到": "Not found in the register",
    "未记录：{0}": "Not recorded: {0}",
    "已记录：发票 {0} 查验{1}（{2}，{3}）": "Recorded: invoice {0} verified: {1} ({2}, {3})",
    "已记录：信用核查 {0}：{1}（{2}，{3}）": "Recorded: credit check of {0}: {1} ({2}, {3})",
    # notices
    "通知书": "Notices", "起草(&D)": "&Draft", "保存草稿(&A)": "S&ave draft",
    "签发并导出(&S)": "&Sign and export", "打开文件(&F)": "Open &file",
    "打开文件夹(&L)": "Open fo&lder", "起草通知书 · 申报 {0}": "Draft a notice · application {0}",
    "文书": "Notice", "补正材料通知书（一次性告知）": "Supplement notice (everything told at once)",
    "受理通知书": "Acceptance notice", "不予受理通知书": "Refusal notice", "文书(&K)：": "Notice &kind:",
    "发文机关": "Issuing office", "如：武汉市数据局（本工作区记住）":
        "e.g. Wuhan Data Bureau (remembered for this workspace)",
    "发文机关(&G)：": "Issuing office (&G):", "承办人": "Official in charge",
    "承办人(&P)：": "Official in charge (&P):", "补正期限（工作日）": "Deadline (working days)",
    "补正期限（工作日）(&W)：": "Deadline (&working days):", "不予受理理由": "Reasons for refusal",
    "每行一条；留空则取阻断问题": "One per line; empty: the blocking findings",
    "不予受理理由(&Y)：": "Reasons for refusal (&Y):",
    "起草时先重新运行初审检查，通知书从当前问题生成，并取得文书编号。":
        "Drafting runs the checks again; the notice is made from the current findings and "
        "gets its document number.",
    "请填写发文机关和承办人。": "Enter the issuing office and the official in charge.",
    "已起草，文书编号 {0}。核对、编辑后签发。": "Drafted as {0}. Check and edit it, then sign.",
    "补正截止日期": "Supplement deadline", "截止日期(&E)：": "D&eadline:", "期限说明": "Deadline wording",
    "期限说明(&U)：": "Deadline word&ing:", "联系方式": "Contact",
    "如：027-12345678（王承办）": "e.g. 027-12345678 (Wang)", "联系方式(&C)：": "&Contact:",
    "告知事项（勾选的列入通知书；各列可直接编辑）：":
        "Items told (ticked ones go into the notice; every column can be edited):",
    "告知事项": "Items told", "列入": "In", "问题": "Problem", "依据": "Article",
    "补正要求": "What the supplement must meet",
    "不予受理理由（每行一条）(&Y)：": "Reasons for refusal, one per line (&Y):",
    "浏览(&O)…": "Br&owse…", "输出文件：": "Output file:",
    "不签名，只生成草稿 PDF（供内部核对）(&N)": "Do &not sign; write a draft PDF for internal checking",
    "已签发": "Signed", "{0} · {1} · 申报 {2} {3} · {4}": "{0} · {1} · application {2} {3} · {4}",
    "此通知书已签发：{0}": "This notice is signed: {0}", "草稿已保存（{0}）。": "Draft saved ({0}).",
    "保存通知书": "Save the notice", "未签发：{0}": "Not signed: {0}",
    "已签发：{0}\n文书编号 {1} · {2} 页 · SHA-256 {3}":
        "Signed: {0}\nDocument number {1} · {2} pages · SHA-256 {3}",
    "已生成未签署的草稿 PDF：{0}": "Unsigned draft PDF written: {0}", "已取消。": "Cancelled.",
    # the 初审 menu
    "更改申报状态(&S)…": "Change the application'&s status…",
    "起草补正材料通知书(&N)…": "Draft a supplement &notice…",
    "起草受理通知书(&A)…": "Draft an &acceptance notice…",
    "起草不予受理通知书(&J)…": "Draft a re&jection notice…",
    "导入补正材料文件夹(&B)…": "Import a supplement folder (&B)…",
    "导入补正包（.zip）(&Z)…": "Import a supplement package (.&zip)…",
    "记录发票查验与信用核查(&V)…": "Record in&voice verification and credit check…",
    "查重(&D)…": "&Duplicate check…", "参考名单(&L)…": "Reference &lists…",
    "导出初审汇总表(&X)…": "E&xport the preliminary review summary…",
    "初审面板(&P)": "Preliminary review &panel", "初审(&O)": "&Office", "转为(&T)": "Move &to",
    "初审": "Preliminary review", "（终态，不能再更改）": "(final status; no further change)",
    "申报 {0}：{1} → {2}": "Application {0}: {1} → {2}",
    "选择申报 {0} 的补正材料文件夹": "Choose the supplement folder of application {0}",
    "选择申报 {0} 的补正包": "Choose the supplement package of application {0}",
    "补正包 (*.zip)": "Supplement packages (*.zip)",
    "正在导入补正材料 {0}，并重新检查与测算…":
        "Importing the supplement {0} and running the checks and calculation again…",
    "导入补正材料": "Import supplementary materials",
    "已取消导入补正材料，未写入任何内容": "Supplement import cancelled; nothing was written",
    "申报 {0}：补正材料已导入为第 {1} 版": "Application {0}: supplement imported as version {1}",
    # status moves
    "申报已是“{0}”。": "The application is already \u201c{0}\u201d.", "无（终态）": "none (final status)",
    "不能从“{0}”转为“{1}”。可转为：{2}。":
        "Cannot move from \u201c{0}\u201d to \u201c{1}\u201d. Allowed: {2}.",
    "尚有 {0} 项阻断问题未解决，不能初审通过：":
        "{0} blocking findings are still open, so it cannot pass the preliminary review:",
    "\n……另有 {0} 项": "\n… and {0} more",
    "请先更正或补正；确需通过的，勾选“越过阻断问题”并写明理由（记入审计日志）。":
        "Correct them or ask for a supplement first; to pass it anyway, tick the override and "
        "write the reason (it goes into the audit log).",
    "尚未签发补正材料通知书（一次性告知），不能转为补正中。请先签发通知书；已书面送达的，勾选“越过”并写明理由。":
        "No supplement notice is signed yet (everything must be told at once), so it cannot "
        "await a supplement. Sign the notice first; if it was served on paper, tick the "
        "override and write the reason.",
    "没有已提交的评审，也没有导入的签名专家意见，不能转为已评审。":
        "No submitted review and no imported signed expert opinion, so it cannot be marked "
        "reviewed.",
    "不能转为“{0}”：{1}": "Cannot move to \u201c{0}\u201d: {1}",
    "可转为（点击后写明理由）：": "Can move to (write the reason after clicking):",
    "可转为的状态": "Allowed next statuses", "文书编号": "Document number", "期限": "Deadline",
    "起草通知书…": "Draft a notice…", "编辑 / 签发…": "Edit / sign…", "打开文件": "Open file",
    "打开文件夹": "Open folder", "发票查验与信用核查": "Invoice verification and credit check",
    "发票查验": "Invoice verification", "记录查验…": "Record a check…", "补正": "Supplement",
    "导入补正文件夹…": "Import a supplement folder…", "导入补正包（.zip）…": "Import a supplement (.zip)…",
    "状态记录": "Status history", "请先在左侧打开一份申报。": "Open an application on the left first.",
    "申报 {0} · {1} · {2}": "Application {0} · {1} · {2}",
    "状态：<b>{0}</b> · 未解决的阻断问题 {1} 项": "Status: <b>{0}</b> · open blocking findings: {1}",
    "把申报转为“{0}”（写明理由）": "Move the application to \u201c{0}\u201d (with a reason)",
    "转为{0}": "Move to {0}", "终态，不能再更改": "Final status; no further change",
    "补正材料通知书": "Supplement notice", "未查验": "Not verified",
    "信用核查：{0}（{1}，{2}）{3}": "Credit check: {0} ({1}, {2}) {3}",
    "信用核查：尚未记录": "Credit check: not recorded yet",
    "仅原始申报包，尚无补正。": "Only the original package; no supplement yet.",
    "第 {0} 版 {1}：新增 {2}，替换 {3}，已解决 {4}，仍存在 {5}":
        "Version {0} {1}: {2} added, {3} replaced, {4} findings closed, {5} remaining",
    "{0}  {1} → {2}  {3}：{4}": "{0}  {1} → {2}  {3}: {4}",
    "（越过 {0} 项）": " ({0} overridden)", "尚无状态变更。": "No status change yet.",
    "更改申报状态": "Change the application's status", "当前状态：": "Current status:",
    "新状态": "New status", "转为(&T)：": "Move &to:",
    "写明理由，记入审计日志（必填）": "The reason, kept in the audit log (required)",
    "理由(&R)：": "&Reason:", "经办人": "Done by", "经办人(&B)：": "Done &by:",
    "越过上述问题，按理由转为该状态(&O)": "&Override the above and move for the reason given",
    "确认更改(&M)": "&Move", "“{0}”是终态，不能再更改。": "\u201c{0}\u201d is final; it cannot change.",
    "可以转为“{0}”。": "Can move to \u201c{0}\u201d.", "未更改：{0}": "Not changed: {0}",
    # the summary
    "导出初审汇总表": "Export the preliminary review summary", "列入状态：": "Statuses included:",
    "初审人": "Reviewed by", "初审人(&P)：": "Reviewed by (&P):", "机关(&G)：": "Office (&G):",
    "输出文件夹": "Output folder", "输出文件夹(&O)：": "&Output folder:",
    "不签名，只生成草稿(&N)": "Do &not sign; write a draft", "导出(&E)": "&Export",
    "打开 XLSX(&X)": "Open XLS&X", "打开 PDF(&F)": "Open PD&F",
    "将列入 {0} 份申报。": "{0} applications will be listed.",
    "请填写初审人和机关。": "Enter who reviewed and the office.", "草稿，未签名": "draft, not signed",
    "已导出 {0} 份申报（{1}）：\n{2}\n{3}": "Exported {0} applications ({1}):\n{2}\n{3}",
    # the 补正 report
    "补正导入结果": "Supplement import result", "补正结果": "Supplement result",
    "申报 {0}：此补正包已导入过（第 {1} 版），未重复导入。":
        "Application {0}: this supplement was imported before (version {1}); not imported again.",
    "申报 {0}：补正材料已导入为第 {1} 版，原件保留":
        "Application {0}: supplement imported as version {1}; the originals are kept",
    "新增 {0} 个文件，替换 {1} 个，未变 {2} 个，拒收 {3} 个；已解决问题 {4} 项，仍存在 {5} 项（其中阻断 {6} 项），新出现 {7} 项。测算补贴：{8} → {9} 元。":
        "{0} files added, {1} replaced, {2} unchanged, {3} refused; {4} findings closed, {5} "
        "remaining ({6} blocking), {7} new. Computed subsidy: {8} → {9} yuan.",
    "+ 新增": "+ added", "~ 替换": "~ replaced", "{0} → {1}（原件保留）": "{0} → {1} (original kept)",
    "= 未变": "= unchanged", "! 拒收": "! refused", "补正已解决的问题": "Findings closed by the supplement",
    "仍存在的问题": "Findings remaining", "补正后新出现的问题": "Findings new since the supplement",
}

# The checklist's 人工查验 section (ui/review_tabs/checklist_tab.py).
EN.update({
    "人工查验（发票 {0}/{1} 张已查验）": "Checked by hand ({0}/{1} invoices verified)",
    "{0}（{1}，{2}）": "{0} ({1}, {2})", "发票 {0}": "Invoice {0}", "未核查": "Not checked",
    "信用核查": "Credit check",
})
