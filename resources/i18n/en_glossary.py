"""English for the window's Chinese source strings: fills slq_desk_en.ts (run after lupdate).

    bash scripts/i18n.sh      # lupdate over every slq_desk/ui module, this file, lrelease

Kept as data beside the .ts so a new lupdate run never loses a translation; a source string
without an entry stays unfinished (shown in Chinese) and is listed on stderr.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

EN: dict[str, str] = {
    "{0}（OCR，置信度 {1}%）": "{0} (OCR, confidence {1}%)",
    "由 OCR 从扫描页读出，置信度 {0}%，请对照原件核对":
        "Read by OCR from a scanned page, confidence {0}%; check it against the original",
    "编号": "ID", "政策": "Policy", "申报单位": "Applicant", "状态": "Status",
    "测算补贴": "Subsidy", "阻断": "Blocks", "材料": "Docs", "阻断问题 {0} 项": "{0} blocking findings",
    "复制说明": "Copy text", "测算说明（可直接宣读）": "Explanation (can be read aloud)",
    "步骤": "Step", "金额（元）": "Amount (yuan)", "条款": "Article", "符合": "Eligible",
    "计补基数": "Base", "补贴金额": "Subsidy", "说明": "Notes",
    "同一申报读出的事实在五项政策下分别测算，仅供比较；各地材料与认定口径不同，以本申报适用政策为准。":
        "The facts read from this application computed under each of the five policies, for comparison "
        "only; materials and rules differ by region, the application's own policy decides.",
    "计算步骤": "Calculation steps", "五项政策对照": "The five policies side by side",
    "未打开申报。": "No application open.", "尚无测算结果": "No calculation yet",
    "测算补贴 {0} 元（不符合补贴条件）": "Subsidy {0} yuan (not eligible)",
    "测算补贴 {0} 元": "Subsidy {0} yuan", "计补基数 {0} 元": "base {0} yuan",
    "引用条款：{0}": "Articles cited: {0}", "（本申报）": " (this application)", "是": "yes", "否": "no",
    "警告": "Warning", "提示": "Note", "筛选字段或问题…": "Filter fields or findings…",
    "项目": "Item", "内容": "Content", "页": "Page", "更正字段值…": "Correct value…",
    "更正所选字段的值；原提取值保留 (F2)": "Correct the selected field; the extracted value is kept (F2)",
    "撤回更正": "Withdraw correction",
    "<b>{0}</b> {1}<br>测算补贴 <b>{2}</b> 元 · 阻断问题 <b>{3}</b> 项 · 缺少材料 <b>{4}</b> 项":
        "<b>{0}</b> {1}<br>Subsidy <b>{2}</b> yuan · blocking findings <b>{3}</b> · missing materials <b>{4}</b>",
    "材料（{0} 项，缺 {1} 项）": "Materials ({0}, {1} missing)", "✔ 已提交：{0}": "✔ submitted: {0}",
    "✘ 缺少": "✘ missing", "条款：{0}": "Article: {0}", "无法列出材料": "Cannot list materials",
    "发现问题（{0} 项）": "Findings ({0})", "未发现问题": "No findings",
    "提取字段（{0} 份材料）": "Extracted fields ({0} documents)", "明细第 {0} 行": "Line {0}",
    "材料：{0}": "Document: {0}", "{0}（更正；原提取：{1}）": "{0} (corrected; extracted: {1})",
    "原提取值：{0}\n更正为：{1}\n更正人：{2}\n更正时间：{3}":
        "Extracted: {0}\nCorrected to: {1}\nCorrected by: {2}\nCorrected at: {3}",
    "更正字段值": "Correct field value",
    "字段 {0}\n原提取值：{1}\n\n更正为（原值保留，更正人和时间将记录在审计日志中）：":
        "Field {0}\nExtracted value: {1}\n\nCorrect to (the extracted value is kept; who and when go "
        "into the audit log):",
    "正在重新检查与测算…": "Re-running checks and calculation…", "{0}（权重 {1}%）": "{0} (weight {1}%)",
    "/ {0} 分 · 步长 {1} · 阈值 {2}": "/ {0} points · step {1} · threshold {2}", "评分": "Scoring",
    "评语（低于阈值或满分时必填）": "Comment (required below the threshold or at full marks)",
    "（未打开申报）": "(no application open)", "（无法读取）": "(unreadable)",
    "算力券申报审核工作台": "Computing-voucher review desk", "就绪": "Ready",
    "搜索编号、申报单位、政策 (Ctrl+K)": "Search ID, applicant, policy (Ctrl+K)", "全部状态": "All statuses",
    "申报列表": "Applications",
    "检查清单、评分表和补贴测算将显示在这里。\n请先在左侧打开一份申报。":
        "The checklist, scoring form and calculation appear here.\nOpen an application on the left first.",
    "检查清单 / 评分 / 测算": "Checklist / Scoring / Calculation", "检查清单": "Checklist", "测算": "Calculation",
    "同步滚动": "Sync scrolling",
    "按当前位置对齐两侧文档并同步滚动 (Ctrl+L)": "Align both documents where they are and scroll together (Ctrl+L)",
    "打开工作区…": "Open workspace…", "刷新申报列表": "Refresh list", "退出": "Quit",
    "导入申报包（.zip）…": "Import package (.zip)…",
    "导入 .zip 申报包；也可把文件夹或 .zip 拖到窗口上 (Ctrl+I)":
        "Import a .zip package; you can also drop a folder or .zip on the window (Ctrl+I)",
    "导入申报文件夹…": "Import package folder…", "重新检查与测算": "Re-run checks",
    "评审人与语言…": "Reviewer and language…", "搜索申报": "Search applications",
    "下一份申报": "Next application", "上一份申报": "Previous application",
    "声明无利益冲突": "Declare no conflict of interest", "文件(&F)": "&File", "编辑(&E)": "&Edit",
    "视图(&V)": "&View", "审核(&R)": "&Review", "工具栏": "Toolbar",
    "尚未打开工作区。\n\n请用「文件 › 打开工作区…」选择一个工作区文件夹，或在命令行运行 slq-desk demo-workspace 目录 生成演示工作区。":
        "No workspace open.\n\nChoose a workspace folder with File › Open workspace…, or run "
        "slq-desk demo-workspace FOLDER to build a demo workspace.",
    "未打开工作区": "No workspace", "算力券申报审核工作台 — {0}": "Computing-voucher review desk — {0}",
    "工作区：{0}": "Workspace: {0}",
    "工作区中还没有申报材料。\n\n导入申报包（文件夹或 .zip）后，申报会出现在这里；也可以运行 slq-desk demo-workspace 目录 生成一个演示工作区。":
        "The workspace has no applications yet.\n\nImport a package (folder or .zip) and it appears "
        "here; or run slq-desk demo-workspace FOLDER to build a demo workspace.",
    "申报 {0}：{1} 份材料": "Application {0}: {1} documents",
    "已打开申报 {0}。\n检查清单、评分表和补贴测算将显示在这里。":
        "Application {0} is open.\nThe checklist, scoring form and calculation appear here.",
    "打开工作区": "Open workspace",
    "“{0}”不是 slq-desk 工作区（没有 {1}）。": "“{0}” is not an slq-desk workspace (no {1}).",
    "证据：{0} 第 {1} 页": "Evidence: {0}, page {1}",
    "已更正字段并重新检查与测算": "Field corrected; checks and calculation re-run",
    "正在检查与测算…": "Running checks…", "检查与测算已完成": "Checks and calculation done",
    "操作未完成": "Not completed", "导入申报包": "Import package", "申报包 (*.zip)": "Packages (*.zip)",
    "导入申报文件夹": "Import package folder", "请先打开一个工作区。": "Open a workspace first.",
    "正在导入 {0}…": "Importing {0}…", "取消": "Cancel",
    "正在导入 {0}：{1}/{2} {3}": "Importing {0}: {1}/{2} {3}", "未能导入 {0}：\n{1}": "Could not import {0}:\n{1}",
    "已取消导入 {0}，未写入任何内容": "Import of {0} cancelled; nothing was written",
    "界面语言将在重新启动后完全生效": "The language applies fully after a restart",
    "未评分": "not scored", "（未选择）": "(none chosen)", "推荐": "Recommend",
    "不推荐": "Do not recommend", "修改后推荐": "Recommend after changes",
    "载入评分表文件…": "Load rubric file…",
    "评审组可使用自己的评分表（TOML），须在评分之前载入": "A panel can use its own rubric (TOML), loaded before scoring",
    "重新载入": "Reload", "第一步：利益冲突声明": "Step 1: conflict-of-interest declaration",
    "存在利益冲突…": "I have a conflict…", "推荐意见": "Recommendation",
    "理由（推荐金额低于测算金额、不推荐或修改后推荐时必填）":
        "Reason (required for a lower amount, 不推荐 or 修改后推荐)",
    "意见": "Recommendation", "推荐金额（元）": "Amount (yuan)", "理由": "Reason", "提交评审": "Submit review",
    "评审专家：{0}": "Reviewer: {0}", "（未设置）": "(not set)",
    "注意：{0}。通过线 {1} 分（满分 100）。": "Note: {0}. Pass threshold {1} of 100.",
    "已保存（版本 {0}）": "Saved (version {0})",
    "评分之前，请就本申报的申报单位及其算力供给方声明是否存在利益冲突（投资、隶属、任职、亲属或其他利益关系）。声明之前评分表保持锁定。":
        "Before scoring, declare whether you have a conflict of interest with the applicant or its "
        "compute supplier (investment, affiliation, employment, family or other ties). The form stays "
        "locked until you declare.",
    "已声明存在利益冲突（{0}）：{1}\n您须回避本项评审，评分表保持锁定。":
        "Conflict declared ({0}): {1}\nYou are kept out of this review; the form stays locked.",
    "已声明（{0}）：{1}": "Declared ({0}): {1}", "推荐金额": "Amount", "评语": "Comment",
    "有未保存的修改…": "Unsaved changes…", "推荐金额不是有效金额": "The amount is not a valid amount",
    "推荐金额 {0} 超过测算金额 {1}": "The amount {0} exceeds the computed {1}",
    "≤ 测算金额 {0}": "≤ computed {0}", "得分 {0}": "points {0}", "低于阈值": "Below threshold",
    "满分": "Full marks", "{0}：须填写评语（至少 {1} 字）": "{0}: a comment is required (at least {1} characters)",
    "达到通过线": "passes", "低于通过线": "below the pass threshold", "未评完": "incomplete",
    "加权总分 {0} / 100 · 通过线 {1} · {2}": "Weighted total {0} / 100 · pass {1} · {2}",
    "……另有 {0} 项": "… and {0} more", "未保存：{0}": "Not saved: {0}",
    "已自动保存 {0}（版本 {1}）": "Saved automatically {0} (version {1})",
    "此评审已在别处被修改（另一窗口或命令行），您的修改未保存、也未覆盖对方。请点击“重新载入”查看最新内容后再修改。\n{0}":
        "This review was changed elsewhere (another window or the command line). Your change was not "
        "saved and did not overwrite theirs. Click Reload to see the latest version, then edit again.\n{0}",
    "未保存：版本冲突": "Not saved: version conflict", "声明利益冲突": "Declare a conflict of interest",
    "请写明与申报单位或其算力供给方的利益关系。\n声明后您将回避本项评审，且不能撤回。":
        "Describe your tie to the applicant or its compute supplier.\nYou will be kept out of this "
        "review; the declaration cannot be withdrawn.",
    "提交后不能再修改。确定提交吗？": "A submitted review cannot be changed. Submit?",
    "未提交：{0}": "Not submitted: {0}", "载入评分表": "Load rubric", "评分表 (*.toml)": "Rubrics (*.toml)",
    "撤销": "Undo", "重做": "Redo",
    "在文档中查找（不区分大小写）": "Find in document (case-insensitive)", "上一个": "Previous",
    "上一个匹配 (Shift+F3)": "Previous match (Shift+F3)", "下一个": "Next", "下一个匹配 (F3)": "Next match (F3)",
    "关闭查找 (Esc)": "Close search (Esc)", "查找中…": "Searching…", "无匹配": "No matches", " …": " …",
    "设置": "Settings", "评审专家或审核人员姓名": "Name of the reviewer or official",
    "姓名用于利益冲突声明、字段更正和审计日志。界面语言在重新启动后完全生效。":
        "The name is used for declarations, corrections and the audit log. The language applies "
        "fully after a restart.",
    "姓名": "Name", "单位": "Organisation", "界面语言": "Language", "页码": "Page",
    "适合宽度": "Fit width", "适合页面": "Fit page",
    "缩放（Ctrl+滚轮，Ctrl+加号/减号，Ctrl+0 适合宽度）": "Zoom (Ctrl+wheel, Ctrl+plus/minus, Ctrl+0 fit width)",
    "缩小 (Ctrl+-)": "Zoom out (Ctrl+-)", "放大 (Ctrl++)": "Zoom in (Ctrl++)",
    "顺时针旋转 90°": "Rotate 90° clockwise", "缩略图": "Thumbnails",
    "显示/隐藏页面缩略图": "Show/hide page thumbnails", "查找": "Find", "查找 (Ctrl+F)": "Find (Ctrl+F)",
    "请选择要查看的材料。": "Choose a document to view.", "请从上方列表选择一份材料。": "Choose a document from the list above.",
    "该申报没有材料。": "This application has no documents.", "导入时无法读取": "unreadable at import",
    "无法显示“{0}”：{1}": "Cannot show “{0}”: {1}", "找不到“{0}”的文件：{1}": "File of “{0}” not found: {1}",
    "正在打开“{0}”…": "Opening “{0}”…", "正在打开": "Opening",
    "待初审": "To check", "初审中": "Checking", "待评审": "To review", "评审中": "Reviewing",
    "已评审": "Reviewed", "已签署": "Signed", "补正中": "Awaiting corrections",
    "初审通过": "Check passed", "初审不通过": "Check failed", "公示中": "Published for comment",
    "已兑付": "Paid",
    # accessible names (screen readers), issue 10 item 5
    "按状态筛选": "Filter by status", "选择材料": "Choose a document", "缩放": "Zoom",
    "文档页面": "Document pages", "在文档中查找": "Find in document", "关闭查找": "Close find",
    "筛选字段或问题": "Filter fields or findings", "{0} 评分": "{0} score", "{0} 评语": "{0} comment",
    # the signing and panel menu entries (signing_actions.py)
    "签署并导出评审意见…": "Sign and export opinion…", "验证签名文件…": "Verify signed file…",
    "签名身份…": "Signing identity…", "评审组汇总…": "Panel summary…", "工具(&T)": "&Tools",
    "评审组(&P)": "&Panel", "请先在左侧选择一份申报": "Choose an application on the left first",
    "签名身份": "Signing identity", "请先打开工作区": "Open a workspace first",
    # the panel roster (ui/panel/panel_view.py)
    "评审组名册（按证书识别评审专家）": "Panel roster (reviewers are known by their certificates)",
    "成员姓名": "Member name", "登记证书(&C)…": "Register &certificate…", "成员": "Member",
    "有效至": "Valid until", "证书指纹 SHA-256": "Certificate SHA-256",
    "名册为空：导入时以证书姓名核对评审专家。建议登记每位成员的证书。":
        "The roster is empty: import matches reviewers by certificate name. Register each "
        "member's certificate.",
    "选择成员的证书": "Choose the member's certificate",
    "证书 (*.pem *.crt *.cer *.der)": "Certificates (*.pem *.crt *.cer *.der)",
    "已登记 {name} 的证书。": "{name}'s certificate is registered.",
}

# The panel, signing and verification windows (ui/panel, ui/signing) and issue 19's checklist,
# correction dialog and calculation tab.
EN.update({
    " 天": " days", " 并列未决": " tie unresolved",
    "<b>{0}</b> {1}<br>测算补贴 <b>{2}</b> · 阻断问题 <b>{3}</b> 项 · 缺少材料 <b>{4}</b> 项":
        "<b>{0}</b> {1}<br>Subsidy <b>{2}</b> · blocking findings <b>{3}</b> · missing materials <b>{4}</b>",
    "CA 签发": "CA-issued", "PDF 文件 (*.pdf)": "PDF files (*.pdf)",
    "PDF 文件 (*.pdf);;所有文件 (*)": "PDF files (*.pdf);;All files (*)",
    "PKCS#12 (*.p12 *.pfx);;所有文件 (*)": "PKCS#12 (*.p12 *.pfx);;All files (*)",
    "PKCS#12 (*.p12)": "PKCS#12 (*.p12)", "zip 压缩包 (*.zip)": "Zip archives (*.zip)",
    "zip 压缩包 (*.zip);;PDF 文件 (*.pdf)": "Zip archives (*.zip);;PDF files (*.pdf)",
    "{0}\u3000依据 {1}：\n{2}": "{0} — {1}:\n{2}",
    "{0}{1} · {2} · {3} · 有效期至 {4}": "{0}{1} · {2} · {3} · valid until {4}",
    "{0}（{1} 处）": "{0} ({1} places)",
    "一次只验证一个 PDF；已忽略：{0}": "One PDF is verified at a time; ignored: {0}",
    "一致": "Matches", "不核对材料(&N)": "Do &not check materials",
    "不核对申报材料（可选）": "Do not check the application materials (optional)",
    "不设分数线": "No cut-off", "不限": "Unlimited",
    "专家不足 5 位，未去掉最高最低分": "Fewer than 5 reviewers: highest and lowest scores kept",
    "专家数": "Reviewers", "两次输入的口令不一致。": "The two passphrases differ.", "中位数": "Median",
    "也可把签名的意见 PDF、文件夹或 .zip 拖放到此窗口。每个文件都先核验签名。":
        "You can also drop signed opinion PDFs, a folder or a .zip onto this window. Every file's "
        "signature is verified first.",
    "例如：500000, 700000, 900000（元，逗号分隔）": "e.g. 500000, 700000, 900000 (yuan, comma-separated)",
    "保存签名的评审意见": "Save the signed opinion", "信任": "Trust", "修改了页面或文档结构":
        "changed pages or the document structure", "偏差": "Deviation", "关闭": "Close",
    "再次输入口令": "Passphrase again", "分数线": "Cut-off", "分数线(&C)：": "&Cut-off:",
    "分数线不是有效数字：{0}": "The cut-off is not a valid number: {0}", "分数线方案": "Cut-off scenarios",
    "分数线方案(&K)：": "Cut-off scenarios (&K):", "分歧": "Disagreement", "分歧提示": "Disagreements",
    "分歧提示：{0} 个申报的专家评分分歧较大（红色行），建议增加一名评审或组织讨论。":
        "Disagreements: reviewers' scores differ widely on {0} applications (red rows); consider "
        "another reviewer or a discussion.",
    "分配方式(&O)：": "Allocati&on:", "创建自签名身份（RSA-3072）": "Create a self-signed identity (RSA-3072)",
    "创建身份(&E)": "Cr&eate identity", "利益冲突声明": "Conflict-of-interest declaration",
    "单位(&G)：": "Or&ganisation:", "取代了较早的意见": "supersedes an earlier opinion", "受信任": "Trusted",
    "口令(&K)：": "Passphrase (&K):", "口令(&W)：": "Pass&word:",
    "口令不能为空：密钥文件从不以无口令方式保存。":
        "The passphrase cannot be empty: key files are never stored without one.",
    "口令保存在系统钥匙串（服务名 slq-desk）中：首次签名时输入一次，之后自动使用。口令从不以明文写入磁盘。":
        "The passphrase is kept in the system keyring (service slq-desk): typed once at the first "
        "signature, then used automatically. It is never written to disk in plain text.",
    "口令已保存到系统钥匙串。": "Passphrase saved in the system keyring.",
    "口令未保存（没有可用的系统钥匙串），每次签名时输入。":
        "Passphrase not saved (no system keyring available); type it at each signature.",
    "可选，例如：60, 70（“无”表示不设分数线）": "Optional, e.g. 60, 70 (\u201cnone\u201d for no cut-off)",
    "可选：另存一份 .p12 备份": "Optional: save a .p12 backup copy", "名单": "List", "均值": "Mean",
    "基准：预算 {0}，分数线 {1}，正选 {2}，拨付 {3}":
        "Baseline: budget {0}, cut-off {1}, main list {2}, granted {3}",
    "填写“是”或“否”。": "Type yes or no.", "填写了表单": "filled in form fields", "备份副本": "Backup copy",
    "备份副本：": "Backup copy:", "备份文件已存在，未覆盖：{0}": "The backup file exists and was not overwritten: {0}",
    "备选": "Reserve", "姓名(&N)：": "&Name:",
    "字段：{0}\n原提取值：{1}\n\n更正为（原值保留，更正人和时间将记录在审计日志中）：":
        "Field: {0}\nExtracted value: {1}\n\nCorrect to (the extracted value is kept; who and when "
        "go into the audit log):",
    "完成。": "Done.", "密钥": "Key", "密钥口令": "Key passphrase", "密钥文件": "Key file",
    "密钥文件(&F)：": "Key &file:", "密钥文件口令": "Key file passphrase",
    "导入 CA 签发的证书（.p12 / .pfx）": "Import a CA-issued certificate (.p12 / .pfx)",
    "导入 zip(&Z)…": "Import &zip…",
    "导入 {0} 份，拒绝 {1} 份，重复 {2} 份，本工作区无对应申报 {3} 份。":
        "{0} imported, {1} refused, {2} duplicates, {3} for applications not in this workspace.",
    "导入(&I)": "&Import", "导入文件夹(&F)…": "Import &folder…", "导出": "Export", "导出(&X)": "E&xport",
    "导出位置不是文件夹：{0}": "The export location is not a folder: {0}",
    "导出到文件夹(&D)：": "Export to fol&der:",
    "导出当前排名与名单（“排名与名单”页的预算、分数线与分配方式）：\n评审结果汇总表 PDF（签名）、名单 CSV/XLSX、评分明细 CSV/JSON。":
        "Export the current ranking and lists (budget, cut-off and allocation of the \u201cRanking "
        "and lists\u201d page):\nsigned results summary PDF, lists as CSV/XLSX, scores as CSV/JSON.",
    "将签名的评审意见 PDF 拖放到此处\n（可同时拖入申报材料文件夹或 .zip，以核对材料的 SHA-256）":
        "Drop a signed opinion PDF here\n(with the application's folder or .zip to check the "
        "materials' SHA-256)",
    "尚无签名身份。可在下方创建自签名身份，或导入 CA 签发的证书。":
        "No signing identity yet. Create a self-signed one below, or import a CA-issued certificate.",
    "尚无签名身份：请先在“设置 › 签名身份”中创建或导入。":
        "No signing identity: create or import one in Settings › Signing identity first.",
    "尚未选择文件": "No file chosen", "工作区中没有这个申报。": "This application is not in the workspace.",
    "已取消，未导出。": "Cancelled; nothing exported.", "已取消，未签署。": "Cancelled; nothing signed.",
    "已声明无利益冲突": "No conflict of interest declared", "已导入": "Imported",
    "已导入的专家意见": "Imported reviewer opinions", "已导入过": "Already imported",
    "已导出 {0} 个文件到 {1}": "Exported {0} files to {1}", "已改动": "Changed",
    "已有签名身份（{0}）。新身份将替换它，旧密钥文件会被覆盖；如需保留，请先备份。是否继续？":
        "A signing identity exists ({0}). The new one replaces it and the old key file is "
        "overwritten; back it up first to keep it. Continue?",
    "已签名": "Signed", "已签署并导出：{0}": "Signed and exported: {0}",
    "已被更新的意见取代": "Superseded by a newer opinion", "平均分": "Mean score", "并列判定": "Tie-break",
    "建议金额": "Recommended amount", "建议金额（元）": "Recommended amount (yuan)", "引用条款：": "Articles cited:",
    "当前签名身份": "Current signing identity", "得分": "Score", "总分": "Total",
    "意见导入": "Opinion import", "意见类型": "Opinion type", "意见表文件": "Opinion file",
    "截尾均值": "Trimmed mean", "打分校准": "Score calibration", "打开 PDF(&O)…": "&Open PDF…",
    "拒绝": "Refused", "拨付合计": "Total granted", "拨付合计（元）": "Total granted (yuan)",
    "拨付金额（元）": "Granted (yuan)", "按专家 z 分数标准化(&Z)": "Normalise by reviewer &z-scores",
    "按政策资金池": "By policy fund pool", "按评分表合格线": "By the rubric's pass mark", "排名": "Rank",
    "排名与名单": "Ranking and lists", "排名并分配(&R)": "&Rank and allocate",
    "政策 {0}\u3000资金池 {1}\u3000分数线 {2}\u3000正选 {3}，备选 {4}，未入选 {5}；拨付合计 {6}，余额 {7}":
        "Policy {0}  pool {1}  cut-off {2}  main {3}, reserve {4}, out {5}; granted {6}, left {7}",
    "政策 {0}\u3000资金池 不限\u3000分数线 {1}\u3000正选 {2}，备选 {3}，未入选 {4}；拨付合计 {5}":
        "Policy {0}  pool unlimited  cut-off {1}  main {2}, reserve {3}, out {4}; granted {5}",
    "政策(&P)：": "&Policy:", "政策原文": "Policy text", "数据文件夹：": "Data folder:", "整个文件": "Whole file",
    "文件": "File", "文件中没有可读的评审数据。": "The file has no readable review data.",
    "文件已存在，未覆盖：{0}\n如需替换，请勾选“覆盖已有文件”。":
        "The file exists and was not overwritten: {0}\nTick \u201cOverwrite existing files\u201d to replace it.",
    "文件开头的一部分": "A leading part of the file", "新口令": "New passphrase", "无": "None",
    "无此申报": "No such application", "无法核验": "Cannot verify",
    "日期：如 2026-03-01 或 2026年3月1日。": "Date: e.g. 2026-03-01.", "更正后的值": "Corrected value",
    "替换签名身份": "Replace signing identity", "有": "Yes", "有效": "Valid", "有效期": "Validity",
    "有效期(&D)：": "Vali&dity:", "未受信任": "Not trusted", "未声明或存在冲突": "Not declared or in conflict",
    "未完成：{0}": "Not finished: {0}", "未导入：{0}": "Not imported: {0}", "未导出：{0}": "Not exported: {0}",
    "未签署：{0}": "Not signed: {0}", "本工作区": "This workspace", "本工作区无此申报": "Not in this workspace",
    "本次导入结果": "This import's results", "本步骤无条款依据。": "This step cites no article.",
    "权重": "Weight", "材料 zip(&Z)…": "Materials &zip…", "材料文件夹(&F)…": "Materials &folder…",
    "材料清单(&2)": "Materials (&2)", "极差": "Range", "标准差": "Std. dev.", "核对": "Check",
    "模拟(&M)": "Si&mulate", "正在打开密钥文件…": "Opening the key file…",
    "正在核验并导入意见…": "Verifying and importing opinions…", "正在核验签名…": "Verifying the signature…",
    "正在生成 RSA-3072 密钥…": "Generating an RSA-3072 key…",
    "正在生成并签署汇总表…": "Building and signing the summary…",
    "正在生成意见表并签名…": "Building and signing the opinion…", "正在解锁签名密钥…": "Unlocking the signing key…",
    "正选": "Main list", "汇总方法": "Aggregation", "汇总方法(&A)：": "&Aggregation:", "汇总评分": "Aggregate scores",
    "没有分歧提示。": "No disagreements.",
    "没有可排序的申报：请先导入签名的专家意见。": "Nothing to rank: import signed reviewer opinions first.",
    "没有可用的系统钥匙串（keyring）：口令不会被保存，每次签名都需要输入。口令从不以明文写入磁盘。":
        "No system keyring available: the passphrase is not saved and must be typed at each "
        "signature. It is never written to disk in plain text.",
    "注意：{0}": "Note: {0}",
    "测算补贴 {0} — 存在 {1} 项阻断问题，解决前不予补贴":
        "Subsidy {0} — {1} blocking findings: not payable until they are resolved",
    "测算补贴 {0}": "Subsidy {0}", "测算补贴 {0}（不符合补贴条件）": "Subsidy {0} (not eligible)",
    "测算金额": "Computed amount", "浏览(&B)…": "&Browse…", "浏览(&W)…": "Bro&wse…", "添加了批注": "added annotations",
    "申报": "Application", "申报材料": "Application materials",
    "申报材料核对：{0} 一致，{1} 改动，{2} 缺失": "Materials check: {0} match, {1} changed, {2} missing",
    "申报材料：": "Application materials:", "申报编号": "Application ID", "确认口令(&C)：": "&Confirm passphrase:",
    "移出正选": "Move out of the main list", "立即验证(&V)": "&Verify now", "第 {0} 页": "page {0}",
    "签名": "Signature", "签名人": "Signer", "签名人(&1)": "Signer (&1)", "签名人：{0}": "Signer: {0}",
    "签名后修改": "Changes after signing", "签名无效": "Signature invalid",
    "签名无效：以下内容未经验证，不能作为评审依据，仅供核对。":
        "Signature invalid: what follows is unverified, cannot be relied on for the review, and is "
        "shown for checking only.",
    "签名时的版本（之后有追加）": "The signed version (with later additions)", "签名有效": "Signature valid",
    "签名身份已就绪：{0}": "Signing identity ready: {0}", "签名身份：": "Signing identity:",
    "签署并导出(&S)": "&Sign and export", "签署并导出评审意见": "Sign and export the opinion",
    "签署时间": "Signed at", "类型": "Type", "结果": "Result",
    "统一社会信用代码：18 位，校验位须正确。": "Unified social credit code: 18 characters with a correct check character.",
    "综合得分": "Overall score", "缺失": "Missing", "自签名": "Self-signed",
    "自签名证书（未经信任链验证，请与评审专家登记的指纹核对）":
        "Self-signed certificate (no chain of trust: compare with the fingerprint the reviewer registered)",
    "草稿（不签名）": "Draft (unsigned)", "覆盖已有文件": "Overwrite existing files",
    "覆盖已有文件(&W)": "Over&write existing files", "覆盖范围": "Coverage", "计补基数 {0}": "base {0}",
    "证书 SHA-256": "Certificate SHA-256", "证书主体": "Certificate subject",
    "证书姓名（{0}）与评审记录中的评审专家（{1}）不同。":
        "The certificate's name ({0}) differs from the reviewer on the review record ({1}).",
    "评分项": "Criterion", "评审专家": "Reviewer", "评审尚不能签署：{0}": "The review cannot be signed yet: {0}",
    "评审已完成，可以签署。": "The review is complete and can be signed.", "评审意见": "Review opinion",
    "评审摘要(&3)": "Review summary (&3)", "评审数": "Reviews", "评审日期": "Review date",
    "评审组平均": "Panel mean", "评审组汇总": "Panel summary", "评审组长(&H)：": "C&hair:",
    "评审结果汇总表：签名无效": "Results summary: signature invalid",
    "评审结果汇总表：签名有效": "Results summary: signature valid", "评审记录(&R)：": "&Review record:",
    "该政策未规定资金池：请在“预算（元）”中填写本年度资金池金额，再按“排名并分配”。":
        "This policy sets no fund pool: enter this year's pool under \u201cBudget (yuan)\u201d, then "
        "press \u201cRank and allocate\u201d.",
    "请填写姓名（证书中的评审专家姓名）。": "Enter the name (the reviewer's name in the certificate).",
    "请填写至少一个预算方案或分数线方案。": "Enter at least one budget or cut-off scenario.",
    "请输入密钥文件的口令。": "Enter the key file's passphrase.", "请选择 .p12 / .pfx 文件。": "Choose a .p12 / .pfx file.",
    "请选择导出文件夹。": "Choose an export folder.", "请选择输出文件。": "Choose an output file.",
    "资金池": "Fund pool", "输出位置是一个文件夹：{0}": "The output location is a folder: {0}",
    "输出文件": "Output file", "输出文件(&O)：": "&Output file:", "输出文件应以 .pdf 结尾。": "The output file must end in .pdf.",
    "还没有名单：请先在“排名与名单”页完成排名。":
        "No lists yet: rank on the \u201cRanking and lists\u201d page first.",
    "这个申报还没有评审记录：请先完成评分。": "This application has no review record yet: score it first.",
    "进入正选": "Move into the main list", "追加了验证信息": "appended validation data", "选择(&P)…": "Choose (&P)…",
    "选择密钥文件": "Choose the key file", "选择导出文件夹": "Choose the export folder",
    "选择申报材料 zip": "Choose the materials zip", "选择申报材料文件夹": "Choose the materials folder",
    "选择签名意见 zip": "Choose a zip of signed opinions", "选择签名意见所在文件夹": "Choose the folder of signed opinions",
    "选择签名的评审意见": "Choose a signed opinion", "重新汇总(&U)": "Re-aggregate (&U)", "金额": "Amount",
    "金额：如 1234.50、¥1,234.50 或 12.3万，最多两位小数。":
        "Amount: e.g. 1234.50, ¥1,234.50 or 12.3万 (ten thousands), at most two decimals.",
    "阻断问题：{0}（见检查清单）": "Blocking findings: {0} (see the checklist)", "页数": "Pages", "颁发者": "Issuer",
    "预算不是有效金额：{0}": "The budget is not a valid amount: {0}", "预算方案": "Budget scenarios",
    "预算方案(&G)：": "Bud&get scenarios:", "预算模拟": "Budget simulation",
    "预算须精确到分：{0}": "The budget must be exact to the fen: {0}", "预算（元）": "Budget (yuan)",
    "预算（元）(&B)：": "&Budget (yuan):", "验证签名的评审意见": "Verify a signed review opinion",
    "默认：签名证书中的姓名": "Default: the name in the signing certificate",
    "{0}（{1}）": "{0} ({1})", "第 {0} 处": "Place {0}", "（政策数据未载原文）": "(the policy data has no quoted text)", "（无对应材料）": "(no document)",
})

# The review form's states, the reviewer's name and the submit confirmation (issue 19 items 1, 2,
# 10, 11).
EN.update({
    "评审专家信息": "Reviewer details", "申报 {0}": "Application {0}",
    "（未设置：开始评审时将询问姓名与单位）":
        "(not set: your name and organisation are asked when you start a review)",
    "尚有 {0} 项问题，不能提交": "{0} problems left; cannot submit",
    "请先声明利益冲突": "Declare any conflict of interest first",
    "声明不能再更改：{0}": "The declaration can no longer be changed: {0}",
    "请先填写评审专家的姓名与单位。": "Enter the reviewer's name and organisation first.",
    "未提交：尚有 {0} 项问题（见上方列表）": "Not submitted: {0} problems left (see the list above)",
    "即将提交对以下申报的评审：\n{0}\n评审专家：{1}\n\n提交后不能再修改。确定提交吗？":
        "You are about to submit the review of this application:\n{0}\nReviewer: {1}\n\n"
        "It cannot be changed after submission. Submit?",
    "未打开": "Not open", "待声明利益冲突": "Awaiting the conflict-of-interest declaration",
    "已回避": "Recused", "草稿": "Draft", "已提交（锁定）": "Submitted (locked)",
    "已签署（锁定）": "Signed (locked)",
    "已提交（版本 {0}），评审表已锁定；可签署评审意见。":
        "Submitted (version {0}); the form is locked; the opinion can be signed.",
    "请填写姓名：它将写入利益冲突声明、评审意见和审计日志。":
        "Enter your name: it goes into the conflict-of-interest declaration, the opinion and the "
        "audit log.",
})

# Where one Chinese word needs two English ones (a column header vs. a severity).
EN_IN_CONTEXT: dict[tuple[str, str], str] = {
    ("ChecklistTab", "阻断"): "Blocking", ("CriterionBox", "评分"): "Score",
    # 撤销 is both "undo" (the edit menu) and the status "withdrawn" (the application list).
    ("ApplicationListModel", "撤销"): "Withdrawn", ("MainWindow", "撤销"): "Withdrawn",
}
# Where one class uses one Chinese word twice: told apart by tr()'s disambiguation (<comment>).
EN_WITH_COMMENT: dict[tuple[str, str, str], str] = {
    ("MainWindow", "撤销", "edit: undo"): "Undo",
}


def _more_english() -> None:
    """Each screen's English may live beside this file in ``en_<screen>.py`` (a dict ``EN``):
    several people add screens at once without editing one long dict."""
    import runpy

    for extra in sorted(Path(__file__).parent.glob("en_*.py")):
        if extra.name != Path(__file__).name:
            EN.update(runpy.run_path(str(extra))["EN"])


def fill(ts: Path) -> list[str]:
    tree = ET.parse(ts)
    missing: list[str] = []
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            comment = message.findtext("comment") or ""
            english = EN_WITH_COMMENT.get((name, source, comment),
                                          EN_IN_CONTEXT.get((name, source), EN.get(source)))
            if english is None:
                missing.append(source)
                continue
            translation.text = english
            translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    _more_english()
    left = fill(Path(__file__).with_name("slq_desk_en.ts"))
    for source in left:
        print(f"untranslated: {source!r}", file=sys.stderr)
