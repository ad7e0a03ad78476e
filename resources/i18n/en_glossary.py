"""English for the window's Chinese source strings: fills slq_desk_en.ts (run after lupdate).

    .venv/bin/pyside6-lupdate slq_desk/ui/*.py slq_desk/ui/review_tabs/*.py slq_desk/ui/viewer/*.py \
        -no-obsolete -source-language zh_CN -target-language en -ts resources/i18n/slq_desk_en.ts
    .venv/bin/python resources/i18n/en_glossary.py
    .venv/bin/pyside6-lrelease resources/i18n/slq_desk_en.ts -qm resources/i18n/slq_desk_en.qm

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
    "已兑付": "Paid", "撤销": "Withdrawn",
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

# Where one Chinese word needs two English ones (a column header vs. a severity).
EN_IN_CONTEXT: dict[tuple[str, str], str] = {("ChecklistTab", "阻断"): "Blocking", ("CriterionBox", "评分"): "Score"}


def fill(ts: Path) -> list[str]:
    tree = ET.parse(ts)
    missing: list[str] = []
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            english = EN_IN_CONTEXT.get((name, source), EN.get(source))
            if english is None:
                missing.append(source)
                continue
            translation.text = english
            translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    left = fill(Path(__file__).with_name("slq_desk_en.ts"))
    for source in left:
        print(f"untranslated: {source!r}", file=sys.stderr)
