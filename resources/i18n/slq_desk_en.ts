<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ApplicationListModel</name>
    <message>
        <source>待初审</source>
        <translation>To check</translation>
    </message>
    <message>
        <source>初审中</source>
        <translation>Checking</translation>
    </message>
    <message>
        <source>待评审</source>
        <translation>To review</translation>
    </message>
    <message>
        <source>评审中</source>
        <translation>Reviewing</translation>
    </message>
    <message>
        <source>已评审</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <source>已签署</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>补正中</source>
        <translation>Awaiting corrections</translation>
    </message>
    <message>
        <source>初审通过</source>
        <translation>Check passed</translation>
    </message>
    <message>
        <source>初审不通过</source>
        <translation>Check failed</translation>
    </message>
    <message>
        <source>公示中</source>
        <translation>Published for comment</translation>
    </message>
    <message>
        <source>已兑付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>政策</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>申报单位</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>测算补贴</source>
        <translation>Subsidy</translation>
    </message>
    <message>
        <source>阻断</source>
        <translation>Blocks</translation>
    </message>
    <message>
        <source>材料</source>
        <translation>Docs</translation>
    </message>
    <message>
        <source>阻断问题 {0} 项</source>
        <translation>{0} blocking findings</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>Actor</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>申报编号</source>
        <translation>Application ID</translation>
    </message>
    <message>
        <source>全部申报</source>
        <translation>All applications</translation>
    </message>
    <message>
        <source>自(&amp;S)</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>起始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>至(&amp;U)</source>
        <translation>&amp;Until</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>查询(&amp;Q)</source>
        <translation>&amp;Query</translation>
    </message>
    <message>
        <source>清除筛选(&amp;C)</source>
        <translation>&amp;Clear filters</translation>
    </message>
    <message>
        <source>操作人(&amp;A)：</source>
        <translation>&amp;Actor:</translation>
    </message>
    <message>
        <source>操作(&amp;O)：</source>
        <translation>Acti&amp;on:</translation>
    </message>
    <message>
        <source>申报(&amp;P)：</source>
        <translation>A&amp;pplication:</translation>
    </message>
    <message>
        <source>日期（北京时间）：</source>
        <translation>Dates (Beijing time):</translation>
    </message>
    <message>
        <source>审计事件</source>
        <translation>Audit events</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>时间（北京时间）</source>
        <translation>Time (Beijing)</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>申报</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>事件详情</source>
        <translation>Event details</translation>
    </message>
    <message>
        <source>选择一条事件查看修改前后的内容。</source>
        <translation>Select an event to see what it changed.</translation>
    </message>
    <message>
        <source>核验审计链(&amp;V)</source>
        <translation>&amp;Verify audit chain</translation>
    </message>
    <message>
        <source>与 slq-desk audit verify 相同：逐条核对哈希链，并与工作区的检查点比对</source>
        <translation>Same as slq-desk audit verify: walks the hash chain and compares it with the workspace's checkpoints</translation>
    </message>
    <message>
        <source>全部操作</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>{0}类（全部）</source>
        <translation>Every {0} action</translation>
    </message>
    <message>
        <source>未打开工作区。</source>
        <translation>No workspace open.</translation>
    </message>
    <message>
        <source>（只显示最新的 {0} 条）</source>
        <translation> (only the newest {0} shown)</translation>
    </message>
    <message>
        <source>{0} 条事件</source>
        <translation>{0} events</translation>
    </message>
    <message>
        <source>修改前：{0}</source>
        <translation>Before: {0}</translation>
    </message>
    <message>
        <source>修改后：{0}</source>
        <translation>After: {0}</translation>
    </message>
    <message>
        <source>正在核验审计链…</source>
        <translation>Verifying the audit chain…</translation>
    </message>
    <message>
        <source>有事件缺失</source>
        <translation>an event is missing</translation>
    </message>
    <message>
        <source>与前一条事件不衔接（被删除或重排）</source>
        <translation>does not follow the previous event (removed or reordered)</translation>
    </message>
    <message>
        <source>记录后内容被改动</source>
        <translation>content changed after it was recorded</translation>
    </message>
    <message>
        <source>无法核验：{0}</source>
        <translation>Cannot verify: {0}</translation>
    </message>
    <message>
        <source>✔ 审计链完整：{0} 条事件</source>
        <translation>✔ Audit chain intact: {0} events</translation>
    </message>
    <message>
        <source>✘ 审计链断裂：第 {0} 条事件（{1}）</source>
        <translation>✘ Audit chain broken at event {0} ({1})</translation>
    </message>
    <message>
        <source>已与 {0} 个检查点比对（最新为第 {1} 条）</source>
        <translation>Compared with {0} checkpoints (the newest at event {1})</translation>
    </message>
    <message>
        <source>注意：没有可比对的检查点，无法发现尾部截断</source>
        <translation>Note: no checkpoint to compare with; a cut tail could not be seen</translation>
    </message>
    <message>
        <source>注意：{0} 个检查点由他人的密钥生成，本机无法核验</source>
        <translation>Note: {0} checkpoints were made with another person's key and cannot be checked here</translation>
    </message>
</context>
<context>
    <name>CalculationTab</name>
    <message>
        <source>复制说明</source>
        <translation>Copy text</translation>
    </message>
    <message>
        <source>测算说明（可直接宣读）</source>
        <translation>Explanation (can be read aloud)</translation>
    </message>
    <message>
        <source>认定事实…</source>
        <translation>Set facts…</translation>
    </message>
    <message>
        <source>人工认定申报方向、服务期限、是否国产等事实 (Ctrl+Shift+F)</source>
        <translation>Set facts such as the declared direction, the service period or domestic cards (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>条款</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>政策原文</source>
        <translation>Policy text</translation>
    </message>
    <message>
        <source>政策</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>符合</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <source>计补基数</source>
        <translation>Base</translation>
    </message>
    <message>
        <source>补贴金额</source>
        <translation>Subsidy</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>同一申报读出的事实在五项政策下分别测算，仅供比较；各地材料与认定口径不同，以本申报适用政策为准。</source>
        <translation>The facts read from this application computed under each of the five policies, for comparison only; materials and rules differ by region, the application's own policy decides.</translation>
    </message>
    <message>
        <source>测算补贴 {0}（不符合补贴条件）</source>
        <translation>Subsidy {0} (not eligible)</translation>
    </message>
    <message>
        <source>测算补贴 {0} — 存在 {1} 项阻断问题，解决前不予补贴</source>
        <translation>Subsidy {0} — {1} blocking findings: not payable until they are resolved</translation>
    </message>
    <message>
        <source>测算补贴 {0}</source>
        <translation>Subsidy {0}</translation>
    </message>
    <message>
        <source>阻断问题：{0}（见检查清单）</source>
        <translation>Blocking findings: {0} (see the checklist)</translation>
    </message>
    <message>
        <source>计补基数 {0}</source>
        <translation>base {0}</translation>
    </message>
    <message>
        <source>引用条款：</source>
        <translation>Articles cited:</translation>
    </message>
    <message>
        <source>本步骤无条款依据。</source>
        <translation>This step cites no article.</translation>
    </message>
    <message>
        <source>（政策数据未载原文）</source>
        <translation>(the policy data has no quoted text)</translation>
    </message>
    <message>
        <source>{0}　依据 {1}：
{2}</source>
        <translation>{0} — {1}:
{2}</translation>
    </message>
    <message>
        <source>计算步骤</source>
        <translation>Calculation steps</translation>
    </message>
    <message>
        <source>五项政策对照</source>
        <translation>The five policies side by side</translation>
    </message>
    <message>
        <source>未打开申报。</source>
        <translation>No application open.</translation>
    </message>
    <message>
        <source>尚无测算结果</source>
        <translation>No calculation yet</translation>
    </message>
    <message>
        <source>（本申报）</source>
        <translation> (this application)</translation>
    </message>
    <message>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>ChecklistTab</name>
    <message>
        <source>阻断</source>
        <translation>Blocking</translation>
    </message>
    <message>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>筛选字段或问题…</source>
        <translation>Filter fields or findings…</translation>
    </message>
    <message>
        <source>筛选字段或问题</source>
        <translation>Filter fields or findings</translation>
    </message>
    <message>
        <source>检查清单</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>页</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>更正字段值…</source>
        <translation>Correct value…</translation>
    </message>
    <message>
        <source>更正所选字段的值；原提取值保留 (F2)</source>
        <translation>Correct the selected field; the extracted value is kept (F2)</translation>
    </message>
    <message>
        <source>撤回更正</source>
        <translation>Withdraw correction</translation>
    </message>
    <message>
        <source>更改文档类型…</source>
        <translation>Change document kind…</translation>
    </message>
    <message>
        <source>按所选材料的正确类型重新读取，并记住此文件的类型 (Ctrl+Shift+K)</source>
        <translation>Read the selected document again as its right kind and remember it for this file (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>认定事实…</source>
        <translation>Set facts…</translation>
    </message>
    <message>
        <source>人工认定申报方向、服务期限、是否国产等事实 (Ctrl+Shift+F)</source>
        <translation>Set facts such as the declared direction, the service period or domestic cards (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>未打开申报。</source>
        <translation>No application open.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; {1}&lt;br&gt;测算补贴 &lt;b&gt;{2}&lt;/b&gt; · 阻断问题 &lt;b&gt;{3}&lt;/b&gt; 项 · 缺少材料 &lt;b&gt;{4}&lt;/b&gt; 项</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; {1}&lt;br&gt;Subsidy &lt;b&gt;{2}&lt;/b&gt; · blocking findings &lt;b&gt;{3}&lt;/b&gt; · missing materials &lt;b&gt;{4}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; {1}&lt;br&gt;&lt;span style='color:{2}'&gt;尚未检查与测算&lt;/span&gt;（Ctrl+R）· 下列问题仅为读取文件时发现的</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; {1}&lt;br&gt;&lt;span style='color:{2}'&gt;Not checked yet&lt;/span&gt; (Ctrl+R) · the findings below are only those found reading the files</translation>
    </message>
    <message>
        <source>材料（{0} 项，缺 {1} 项）</source>
        <translation>Materials ({0}, {1} missing)</translation>
    </message>
    <message>
        <source>✘ 缺少</source>
        <translation>✘ missing</translation>
    </message>
    <message>
        <source>✔ 已提交：{0}</source>
        <translation>✔ submitted: {0}</translation>
    </message>
    <message>
        <source>条款：{0}</source>
        <translation>Article: {0}</translation>
    </message>
    <message>
        <source>无法列出材料</source>
        <translation>Cannot list materials</translation>
    </message>
    <message>
        <source>发现问题（{0} 项）</source>
        <translation>Findings ({0})</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>未发现问题</source>
        <translation>No findings</translation>
    </message>
    <message>
        <source>提取字段（{0} 份材料）</source>
        <translation>Extracted fields ({0} documents)</translation>
    </message>
    <message>
        <source>明细第 {0} 行</source>
        <translation>Line {0}</translation>
    </message>
    <message>
        <source>明细共 {0} 行</source>
        <translation>{0} table rows</translation>
    </message>
    <message>
        <source>按表格存储，下列前 {0} 行，其余见原文件</source>
        <translation>stored as a table; the first {0} rows are listed, the rest are in the file</translation>
    </message>
    <message>
        <source>逐行数据已全部读入并用于检查；行数较多，在此只列出前几行</source>
        <translation>Every row was read and is used by the checks; there are too many to list here, so only the first rows are shown</translation>
    </message>
    <message>
        <source>人工查验（发票 {0}/{1} 张已查验）</source>
        <translation>Checked by hand ({0}/{1} invoices verified)</translation>
    </message>
    <message>
        <source>{0}（{1}，{2}）</source>
        <translation>{0} ({1}, {2})</translation>
    </message>
    <message>
        <source>未查验</source>
        <translation>Not verified</translation>
    </message>
    <message>
        <source>发票 {0}</source>
        <translation>Invoice {0}</translation>
    </message>
    <message>
        <source>未核查</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <source>信用核查</source>
        <translation>Credit check</translation>
    </message>
    <message>
        <source>类型经人工认定</source>
        <translation>Kind set by a person</translation>
    </message>
    <message>
        <source>识别置信度 {0}%</source>
        <translation>Recognised with {0}% confidence</translation>
    </message>
    <message>
        <source>材料类型由 {0} 人工认定</source>
        <translation>Document kind set by {0}</translation>
    </message>
    <message>
        <source>审核人</source>
        <translation>a reviewer</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>识别依据：{0}
置信度：{1}%</source>
        <translation>Recognised by: {0}
Confidence: {1}%</translation>
    </message>
    <message>
        <source>置信度低，请核对材料类型</source>
        <translation>Low confidence: check the document kind</translation>
    </message>
    <message>
        <source>{0}（{1} 处）</source>
        <translation>{0} ({1} places)</translation>
    </message>
    <message>
        <source>材料：{0}</source>
        <translation>Document: {0}</translation>
    </message>
    <message>
        <source>（无对应材料）</source>
        <translation>(no document)</translation>
    </message>
    <message>
        <source>第 {0} 处</source>
        <translation>Place {0}</translation>
    </message>
    <message>
        <source>{0}（人工补录）</source>
        <translation>{0} (entered by a person)</translation>
    </message>
    <message>
        <source>{0}（更正；原提取：{1}）</source>
        <translation>{0} (corrected; extracted: {1})</translation>
    </message>
    <message>
        <source>{0}（OCR，置信度 {1}%）</source>
        <translation>{0} (OCR, confidence {1}%)</translation>
    </message>
    <message>
        <source>材料中未读出，由 {0} 于 {1} 人工补录：{2}</source>
        <translation>Not read from the document; entered by {0} on {1}: {2}</translation>
    </message>
    <message>
        <source>原提取值：{0}
更正为：{1}
更正人：{2}
更正时间：{3}</source>
        <translation>Extracted: {0}
Corrected to: {1}
Corrected by: {2}
Corrected at: {3}</translation>
    </message>
    <message>
        <source>由 OCR 从扫描页读出，置信度 {0}%，请对照原件核对</source>
        <translation>Read by OCR from a scanned page, confidence {0}%; check it against the original</translation>
    </message>
    <message>
        <source>正在重新检查与测算…</source>
        <translation>Re-running checks and calculation…</translation>
    </message>
    <message>
        <source>补录字段…</source>
        <translation>Enter a missing field…</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>更正字段值</source>
        <translation>Correct field value</translation>
    </message>
    <message>
        <source>字段：{0}
原提取值：{1}

更正为（原值保留，更正人和时间将记录在审计日志中）：</source>
        <translation>Field: {0}
Extracted value: {1}

Correct to (the extracted value is kept; who and when go into the audit log):</translation>
    </message>
    <message>
        <source>更正后的值</source>
        <translation>Corrected value</translation>
    </message>
    <message>
        <source>金额：如 1234.50、¥1,234.50 或 12.3万，最多两位小数。</source>
        <translation>Amount: e.g. 1234.50, ¥1,234.50 or 12.3万 (ten thousands), at most two decimals.</translation>
    </message>
    <message>
        <source>日期：如 2026-03-01 或 2026年3月1日。</source>
        <translation>Date: e.g. 2026-03-01.</translation>
    </message>
    <message>
        <source>统一社会信用代码：18 位，校验位须正确。</source>
        <translation>Unified social credit code: 18 characters with a correct check character.</translation>
    </message>
    <message>
        <source>填写“是”或“否”。</source>
        <translation>Type yes or no.</translation>
    </message>
</context>
<context>
    <name>CriterionBox</name>
    <message>
        <source>{0}（权重 {1}%）</source>
        <translation>{0} (weight {1}%)</translation>
    </message>
    <message>
        <source>条款：{0}</source>
        <translation>Article: {0}</translation>
    </message>
    <message>
        <source>{0} 评分</source>
        <translation>{0} score</translation>
    </message>
    <message>
        <source>/ {0} 分 · 步长 {1} · 阈值 {2}</source>
        <translation>/ {0} points · step {1} · threshold {2}</translation>
    </message>
    <message>
        <source>评分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>{0} 评语</source>
        <translation>{0} comment</translation>
    </message>
    <message>
        <source>评语（低于阈值或满分时必填）</source>
        <translation>Comment (required below the threshold or at full marks)</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>刷新(&amp;U)</source>
        <translation>&amp;Update</translation>
    </message>
    <message>
        <source>按政策与状态统计</source>
        <translation>By policy and status</translation>
    </message>
    <message>
        <source>申报</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>申报单位</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>政策</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>阻断性问题</source>
        <translation>Blocking findings</translation>
    </message>
    <message>
        <source>受阻的申报</source>
        <translation>Blocked applications</translation>
    </message>
    <message>
        <source>等待</source>
        <translation>Waiting for</translation>
    </message>
    <message>
        <source>自（北京时间）</source>
        <translation>Since (Beijing)</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>待办：等待谁</source>
        <translation>To do: waiting for whom</translation>
    </message>
    <message>
        <source>受阻：有阻断性问题的申报（双击打开）</source>
        <translation>Blocked: applications with blocking findings (double-click to open)</translation>
    </message>
    <message>
        <source>待办：每份申报在等待谁（双击打开）</source>
        <translation>To do: whom each application waits for (double-click to open)</translation>
    </message>
    <message>
        <source>初审经办人</source>
        <translation>Preliminary-review official</translation>
    </message>
    <message>
        <source>申报单位（补正）</source>
        <translation>Applicant (supplement)</translation>
    </message>
    <message>
        <source>评审专家</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>评审组组长</source>
        <translation>Panel chair</translation>
    </message>
    <message>
        <source>财政兑付</source>
        <translation>Payment (finance)</translation>
    </message>
    <message>
        <source>未打开工作区。</source>
        <translation>No workspace open.</translation>
    </message>
    <message>
        <source>共 {0} 份申报 · 受阻 {1} 份 · 待办 {2} 份</source>
        <translation>{0} applications · {1} blocked · {2} waiting</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>：{0}</source>
        <translation>: {0}</translation>
    </message>
    <message>
        <source>最常见的阻断性问题：{0}</source>
        <translation>Most frequent blocking findings: {0}</translation>
    </message>
    <message>
        <source>{0}（{1} 份）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>没有受阻的申报。</source>
        <translation>No application is blocked.</translation>
    </message>
</context>
<context>
    <name>DedupDialog</name>
    <message>
        <source>查重</source>
        <translation>Duplicate check</translation>
    </message>
    <message>
        <source>在整个工作区（跨政策）查找同一发票、同一合同、同一文件、同一申报单位重复申报；每处重复在两份申报上各记一条警告。双击申报编号打开该申报。</source>
        <translation>Finds the same invoice, contract, file or applicant claimed twice across the whole workspace (across policies); each duplicate is a warning on both applications. Double-click an application ID to open it.</translation>
    </message>
    <message>
        <source>重复项</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>申报（在先）</source>
        <translation>Application (earlier)</translation>
    </message>
    <message>
        <source>申报（在后）</source>
        <translation>Application (later)</translation>
    </message>
    <message>
        <source>重复内容</source>
        <translation>Shared item</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>先重建查重索引（字段更正之后）(&amp;X)</source>
        <translation>Rebuild the duplicate index first (after field corrections) (&amp;X)</translation>
    </message>
    <message>
        <source>查重进度</source>
        <translation>Duplicate check progress</translation>
    </message>
    <message>
        <source>运行查重(&amp;R)</source>
        <translation>&amp;Run duplicate check</translation>
    </message>
    <message>
        <source>取消查重(&amp;C)</source>
        <translation>&amp;Cancel duplicate check</translation>
    </message>
    <message>
        <source>打开另一份申报(&amp;O)</source>
        <translation>&amp;Open the other application</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>同一发票</source>
        <translation>Same invoice</translation>
    </message>
    <message>
        <source>同一合同编号</source>
        <translation>Same contract number</translation>
    </message>
    <message>
        <source>疑似同一合同</source>
        <translation>Probably the same contract</translation>
    </message>
    <message>
        <source>相同文件</source>
        <translation>Identical file</translation>
    </message>
    <message>
        <source>同一单位跨政策申报</source>
        <translation>Same applicant under two policies</translation>
    </message>
    <message>
        <source>同一单位同年两次申报</source>
        <translation>Same applicant twice in one year</translation>
    </message>
    <message>
        <source>查重未完成：{0}</source>
        <translation>Duplicate check not finished: {0}</translation>
    </message>
    <message>
        <source>已取消查重，索引与已有结果保持不变。</source>
        <translation>Duplicate check cancelled; the index and the earlier results are unchanged.</translation>
    </message>
    <message>
        <source>正在查重…</source>
        <translation>Checking for duplicates…</translation>
    </message>
    <message>
        <source>正在取消查重…</source>
        <translation>Cancelling the duplicate check…</translation>
    </message>
    <message>
        <source>正在重建查重索引：{0} / {1} 份申报</source>
        <translation>Rebuilding the duplicate index: {0} / {1} applications</translation>
    </message>
    <message>
        <source>正在比对查重索引…</source>
        <translation>Comparing the duplicate index…</translation>
    </message>
    <message>
        <source>正在记录查重结果…</source>
        <translation>Recording the duplicate check results…</translation>
    </message>
    <message>
        <source>发现 {0} 处重复，两份申报上均已记为警告。</source>
        <translation>{0} duplicates found; each is recorded as a warning on both applications.</translation>
    </message>
    <message>
        <source>未发现重复。</source>
        <translation>No duplicates found.</translation>
    </message>
    <message>
        <source>打开另一份申报 {0}(&amp;O)</source>
        <translation>&amp;Open the other application {0}</translation>
    </message>
</context>
<context>
    <name>DocumentPicker</name>
    <message>
        <source>（未打开申报）</source>
        <translation>(no application open)</translation>
    </message>
    <message>
        <source>（无法读取）</source>
        <translation>(unreadable)</translation>
    </message>
</context>
<context>
    <name>DrawPage</name>
    <message>
        <source>专家库文件（.toml 或 .csv）</source>
        <translation>Expert pool file (.toml or .csv)</translation>
    </message>
    <message>
        <source>专家库文件</source>
        <translation>Expert pool file</translation>
    </message>
    <message>
        <source>专家库(&amp;L)：</source>
        <translation>Poo&amp;l:</translation>
    </message>
    <message>
        <source>选择专家库文件</source>
        <translation>Choose the expert pool file</translation>
    </message>
    <message>
        <source>专家库 (*.toml *.csv)</source>
        <translation>Expert pool (*.toml *.csv)</translation>
    </message>
    <message>
        <source>抽取人数</source>
        <translation>Experts to draw</translation>
    </message>
    <message>
        <source>默认：今天的日期</source>
        <translation>Default: today's date</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>留空则随机生成并记录</source>
        <translation>Leave empty for a random seed (recorded)</translation>
    </message>
    <message>
        <source>随机种子</source>
        <translation>Random seed</translation>
    </message>
    <message>
        <source>抽取(&amp;D)</source>
        <translation>&amp;Draw</translation>
    </message>
    <message>
        <source>人数(&amp;N)：</source>
        <translation>&amp;Number:</translation>
    </message>
    <message>
        <source>批次(&amp;T)：</source>
        <translation>Ba&amp;tch:</translation>
    </message>
    <message>
        <source>随机种子(&amp;E)：</source>
        <translation>S&amp;eed:</translation>
    </message>
    <message>
        <source>专家库</source>
        <translation>Expert pool</translation>
    </message>
    <message>
        <source>专家</source>
        <translation>Expert</translation>
    </message>
    <message>
        <source>本次抽取</source>
        <translation>This draw</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>专业领域</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>声明的关联</source>
        <translation>Declared ties</translation>
    </message>
    <message>
        <source>证书指纹</source>
        <translation>Certificate fingerprint</translation>
    </message>
    <message>
        <source>评审组</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>成员</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>How chosen</translation>
    </message>
    <message>
        <source>换下的成员</source>
        <translation>Member to replace</translation>
    </message>
    <message>
        <source>替补专家</source>
        <translation>Substitute expert</translation>
    </message>
    <message>
        <source>替换理由（必填）</source>
        <translation>Reason for the substitution (required)</translation>
    </message>
    <message>
        <source>替换理由</source>
        <translation>Substitution reason</translation>
    </message>
    <message>
        <source>替换(&amp;S)</source>
        <translation>&amp;Substitute</translation>
    </message>
    <message>
        <source>换下(&amp;O)：</source>
        <translation>&amp;Out:</translation>
    </message>
    <message>
        <source>换上(&amp;I)：</source>
        <translation>&amp;In:</translation>
    </message>
    <message>
        <source>回避（未参加抽取的专家及原因）</source>
        <translation>Recusals (experts left out of the draw, and why)</translation>
    </message>
    <message>
        <source>回避原因</source>
        <translation>Reason for recusal</translation>
    </message>
    <message>
        <source>回避</source>
        <translation>Recusals</translation>
    </message>
    <message>
        <source>替换记录</source>
        <translation>Substitutions</translation>
    </message>
    <message>
        <source>换下</source>
        <translation>Out</translation>
    </message>
    <message>
        <source>换上</source>
        <translation>In</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>Actor</translation>
    </message>
    <message>
        <source>时间（北京时间）</source>
        <translation>Time (Beijing)</translation>
    </message>
    <message>
        <source>尚未抽取评审专家：选择专家库文件，填写人数后按“抽取”。</source>
        <translation>No panel drawn yet: choose the expert pool file, set the number and press Draw.</translation>
    </message>
    <message>
        <source>请先选择专家库文件。</source>
        <translation>Choose the expert pool file first.</translation>
    </message>
    <message>
        <source>随机种子应为整数：{0}</source>
        <translation>The seed must be an integer: {0}</translation>
    </message>
    <message>
        <source>已抽取 {0} 位专家，回避 {1} 人。</source>
        <translation>Drew {0} experts; {1} recused.</translation>
    </message>
    <message>
        <source>已登记证书：{0}</source>
        <translation> Certificates on the roster now: {0}</translation>
    </message>
    <message>
        <source>已替换：{0} → {1}</source>
        <translation>Substituted: {0} → {1}</translation>
    </message>
    <message>
        <source>；已登记证书：{0}</source>
        <translation>; certificate on the roster now: {0}</translation>
    </message>
    <message>
        <source>专家库 {0} 人；抽取时逐一筛查与本批次申报的关联。</source>
        <translation>Pool of {0}; each is screened against the batch's applications when drawing.</translation>
    </message>
    <message>
        <source>评审组成员</source>
        <translation>On the panel</translation>
    </message>
    <message>
        <source>抽中后被替换</source>
        <translation>Drawn, then replaced</translation>
    </message>
    <message>
        <source>未抽中</source>
        <translation>Not drawn</translation>
    </message>
    <message>
        <source>未登记</source>
        <translation>none registered</translation>
    </message>
    <message>
        <source>抽取 #{0}　批次 {1}　随机种子 {2}（可复现）　申报 {3} 项　专家库 {4} 人　抽取 {5} 人　时间 {6}</source>
        <translation>Draw #{0}  batch {1}  seed {2} (reproducible)  {3} applications  pool of {4}  {5} drawn  at {6}</translation>
    </message>
    <message>
        <source>替补（换下 {0}：{1}）</source>
        <translation>Substitute (for {0}: {1})</translation>
    </message>
    <message>
        <source>随机抽中</source>
        <translation>Drawn at random</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>补录字段</source>
        <translation>Enter a missing field</translation>
    </message>
    <message>
        <source>材料：{0}
补录材料中未读出的字段（如未读出的合同金额、签订日期）；补录人和时间记入审计日志，随后重新检查与测算。</source>
        <translation>Document: {0}
Enter a field the reader did not find (such as a contract's total or signing date); who entered it and when goes to the audit log, then the checks and the calculation run again.</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>补录的值</source>
        <translation>Value entered</translation>
    </message>
</context>
<context>
    <name>FactsActions</name>
    <message>
        <source>认定事实(&amp;F)…</source>
        <translation>Set &amp;facts…</translation>
    </message>
    <message>
        <source>人工认定申报方向、服务期限、是否国产等事实 (Ctrl+Shift+F)</source>
        <translation>Set facts such as the declared direction, the service period or domestic cards (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>更改文档类型(&amp;K)…</source>
        <translation>Change document &amp;kind…</translation>
    </message>
    <message>
        <source>按所选材料的正确类型重新读取，并记住此文件的类型 (Ctrl+Shift+K)</source>
        <translation>Read the selected document again as its right kind and remember it for this file (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>审核(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <source>请先打开工作区</source>
        <translation>Open a workspace first</translation>
    </message>
    <message>
        <source>请先在左侧选择一份申报</source>
        <translation>Choose an application on the left first</translation>
    </message>
    <message>
        <source>事实未改变</source>
        <translation>No fact changed</translation>
    </message>
    <message>
        <source>正在认定事实并重新检查与测算…</source>
        <translation>Setting the facts and running the checks and the calculation again…</translation>
    </message>
    <message>
        <source>认定事实</source>
        <translation>Set facts</translation>
    </message>
    <message>
        <source>已认定事实并重新检查与测算：测算补贴 {0}</source>
        <translation>Facts set; checks and calculation run again: subsidy {0}</translation>
    </message>
    <message>
        <source>请先在检查清单中选择一份材料</source>
        <translation>Select a document in the checklist first</translation>
    </message>
    <message>
        <source>正在按新类型重新读取材料…</source>
        <translation>Reading the document again as the new kind…</translation>
    </message>
    <message>
        <source>更改文档类型</source>
        <translation>Change document kind</translation>
    </message>
    <message>
        <source>已更改文档类型：{0}，重新读取 {1} 个字段并重新检查与测算</source>
        <translation>Document kind changed: {0}; {1} fields read again, checks and calculation run again</translation>
    </message>
    <message>
        <source>此材料没有可补录的字段</source>
        <translation>This document has no field to enter</translation>
    </message>
    <message>
        <source>正在补录字段并重新检查与测算…</source>
        <translation>Entering the field and running the checks and the calculation again…</translation>
    </message>
    <message>
        <source>补录字段</source>
        <translation>Enter a missing field</translation>
    </message>
    <message>
        <source>已补录字段并重新检查与测算：测算补贴 {0}</source>
        <translation>Field entered; checks and calculation run again: subsidy {0}</translation>
    </message>
    <message>
        <source>正在识别扫描页文字：第 {0}/{1} 页</source>
        <translation>Recognising the text of scanned pages: page {0}/{1}</translation>
    </message>
    <message>
        <source>正在重新检查与测算…</source>
        <translation>Re-running checks and calculation…</translation>
    </message>
    <message>
        <source>操作未完成</source>
        <translation>Not completed</translation>
    </message>
</context>
<context>
    <name>FactsDialog</name>
    <message>
        <source>认定事实</source>
        <translation>Set facts</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; {1}（{2}）&lt;br&gt;材料未载明或读错的事实可由人工认定；原提取值保留，认定人和时间记入审计日志，确定后重新检查与测算。</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; {1} ({2})&lt;br&gt;Facts the documents do not show, or that were misread, can be set by a person; what was read is kept, who set them and when goes to the audit log, and the checks and the calculation run again.</translation>
    </message>
    <message>
        <source>事实</source>
        <translation>Fact</translation>
    </message>
    <message>
        <source>当前</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>认定为</source>
        <translation>Set to</translation>
    </message>
    <message>
        <source>条款</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>认定{0}</source>
        <translation>Set {0}</translation>
    </message>
    <message>
        <source>认定并重新测算</source>
        <translation>Set and recalculate</translation>
    </message>
    <message>
        <source>条款：{0}</source>
        <translation>Article: {0}</translation>
    </message>
    <message>
        <source>适用政策：{0}</source>
        <translation>Matters for: {0}</translation>
    </message>
    <message>
        <source>{0}（{1} 于 {2} 认定）</source>
        <translation>{0} (set by {1} on {2})</translation>
    </message>
    <message>
        <source>审核人</source>
        <translation>a reviewer</translation>
    </message>
    <message>
        <source>{0}（测算所用，据材料或推定）</source>
        <translation>{0} (used by the calculation; read or inferred)</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>未认定（按 0 计）</source>
        <translation>not set (counted as 0)</translation>
    </message>
    <message>
        <source>未知</source>
        <translation>not known</translation>
    </message>
    <message>
        <source>（不认定）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>no</translation>
    </message>
    <message>
        <source>金额（元），如 120000.00</source>
        <translation>amount in yuan, e.g. 120000.00</translation>
    </message>
    <message>
        <source>日期，如 2026-03-31</source>
        <translation>date, e.g. 2026-03-31</translation>
    </message>
    <message>
        <source>材料编号:行号，如 12:3, 12:4</source>
        <translation>DOCUMENT:LINE, e.g. 12:3, 12:4</translation>
    </message>
    <message>
        <source>留空表示不认定</source>
        <translation>leave empty for not set</translation>
    </message>
</context>
<context>
    <name>FlagsPage</name>
    <message>
        <source>重新检查(&amp;R)</source>
        <translation>&amp;Re-check</translation>
    </message>
    <message>
        <source>申报</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>专家</source>
        <translation>Expert</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>评分项</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <source>分值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>参照</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>复核通知</source>
        <translation>Re-check request</translation>
    </message>
    <message>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>复核标记</source>
        <translation>Re-check flags</translation>
    </message>
    <message>
        <source>所选标记</source>
        <translation>Selected flag</translation>
    </message>
    <message>
        <source>组长附言（可选）</source>
        <translation>Chair's note (optional)</translation>
    </message>
    <message>
        <source>组长附言</source>
        <translation>Chair's note</translation>
    </message>
    <message>
        <source>发出复核通知(&amp;Q)…</source>
        <translation>Send re-check re&amp;quest…</translation>
    </message>
    <message>
        <source>复核通知(&amp;N)：</source>
        <translation>Request &amp;note:</translation>
    </message>
    <message>
        <source>专家的书面说明</source>
        <translation>The expert's written explanation</translation>
    </message>
    <message>
        <source>书面说明</source>
        <translation>Written explanation</translation>
    </message>
    <message>
        <source>记录书面说明(&amp;E)</source>
        <translation>Record &amp;explanation</translation>
    </message>
    <message>
        <source>导入修改后的意见(&amp;I)…</source>
        <translation>&amp;Import revised opinion…</translation>
    </message>
    <message>
        <source>处理(&amp;X)：</source>
        <translation>Resolve (&amp;X):</translation>
    </message>
    <message>
        <source>总分</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>（所标记的意见已被更新的意见取代）</source>
        <translation> (the flagged opinion has since been replaced)</translation>
    </message>
    <message>
        <source>已发 {0}</source>
        <translation>Sent {0}</translation>
    </message>
    <message>
        <source>{0}（{1}，{2}）</source>
        <translation>{0} ({1}, {2})</translation>
    </message>
    <message>
        <source>新发现</source>
        <translation>New</translation>
    </message>
    <message>
        <source>复核标记 {0} 个，未处理 {1} 个。</source>
        <translation>{0} re-check flags, {1} open.</translation>
    </message>
    <message>
        <source>在上表中选择一个复核标记。</source>
        <translation>Select a flag in the table above.</translation>
    </message>
    <message>
        <source>#{0} {1} · {2} · {3}：{4}</source>
        <translation>#{0} {1} · {2} · {3}: {4}</translation>
    </message>
    <message>
        <source>说明：{0}</source>
        <translation>Explanation: {0}</translation>
    </message>
    <message>
        <source>修改后的意见 SHA-256：{0}</source>
        <translation>Revised opinion SHA-256: {0}</translation>
    </message>
    <message>
        <source>保存复核通知</source>
        <translation>Save the re-check request</translation>
    </message>
    <message>
        <source>复核通知 (*.json)</source>
        <translation>Re-check request (*.json)</translation>
    </message>
    <message>
        <source>请先选择一个复核标记。</source>
        <translation>Select a flag first.</translation>
    </message>
    <message>
        <source>选择修改后重新签署的评审意见</source>
        <translation>Choose the revised, newly signed opinion</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>正在核验并导入修改后的意见…</source>
        <translation>Verifying and importing the revised opinion…</translation>
    </message>
    <message>
        <source>复核标记 #{0} 已处理：{1}</source>
        <translation>Flag #{0} resolved: {1}</translation>
    </message>
    <message>
        <source>注意：修改后的意见仍触发同一规则：{0}</source>
        <translation>Note: the revised opinion still triggers the same rule: {0}</translation>
    </message>
    <message>
        <source>畸高畸低</source>
        <translation>Outlier (畸高畸低)</translation>
    </message>
    <message>
        <source>偏离均值</source>
        <translation>Deviation from the mean</translation>
    </message>
    <message>
        <source>计算错误</source>
        <translation>Arithmetic error</translation>
    </message>
    <message>
        <source>超出分值范围</source>
        <translation>Out of range</translation>
    </message>
    <message>
        <source>待复核</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>已发复核通知</source>
        <translation>Re-check requested</translation>
    </message>
    <message>
        <source>已复核</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>修改后重新签署</source>
        <translation>Revised and signed again</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <source>当前签名身份</source>
        <translation>Current signing identity</translation>
    </message>
    <message>
        <source>创建自签名身份（RSA-3072）</source>
        <translation>Create a self-signed identity (RSA-3072)</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>新口令</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <source>再次输入口令</source>
        <translation>Passphrase again</translation>
    </message>
    <message>
        <source>可选：另存一份 .p12 备份</source>
        <translation>Optional: save a .p12 backup copy</translation>
    </message>
    <message>
        <source>选择(&amp;P)…</source>
        <translation>Choose (&amp;P)…</translation>
    </message>
    <message>
        <source>姓名(&amp;N)：</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>单位(&amp;G)：</source>
        <translation>Or&amp;ganisation:</translation>
    </message>
    <message>
        <source>有效期(&amp;D)：</source>
        <translation>Vali&amp;dity:</translation>
    </message>
    <message>
        <source>口令(&amp;W)：</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>确认口令(&amp;C)：</source>
        <translation>&amp;Confirm passphrase:</translation>
    </message>
    <message>
        <source>备份副本：</source>
        <translation>Backup copy:</translation>
    </message>
    <message>
        <source>创建身份(&amp;E)</source>
        <translation>Cr&amp;eate identity</translation>
    </message>
    <message>
        <source>导入 CA 签发的证书（.p12 / .pfx）</source>
        <translation>Import a CA-issued certificate (.p12 / .pfx)</translation>
    </message>
    <message>
        <source>密钥文件</source>
        <translation>Key file</translation>
    </message>
    <message>
        <source>浏览(&amp;B)…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>密钥文件口令</source>
        <translation>Key file passphrase</translation>
    </message>
    <message>
        <source>密钥文件(&amp;F)：</source>
        <translation>Key &amp;file:</translation>
    </message>
    <message>
        <source>口令(&amp;K)：</source>
        <translation>Passphrase (&amp;K):</translation>
    </message>
    <message>
        <source>导入(&amp;I)</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>尚无签名身份。可在下方创建自签名身份，或导入 CA 签发的证书。</source>
        <translation>No signing identity yet. Create a self-signed one below, or import a CA-issued certificate.</translation>
    </message>
    <message>
        <source>自签名</source>
        <translation>Self-signed</translation>
    </message>
    <message>
        <source>评审专家</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>证书主体</source>
        <translation>Certificate subject</translation>
    </message>
    <message>
        <source>颁发者</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <source>有效期</source>
        <translation>Validity</translation>
    </message>
    <message>
        <source>密钥</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>证书 SHA-256</source>
        <translation>Certificate SHA-256</translation>
    </message>
    <message>
        <source>数据文件夹：</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <source>口令保存在系统钥匙串（服务名 slq-desk）中：首次签名时输入一次，之后自动使用。口令从不以明文写入磁盘。</source>
        <translation>The passphrase is kept in the system keyring (service slq-desk): typed once at the first signature, then used automatically. It is never written to disk in plain text.</translation>
    </message>
    <message>
        <source>没有可用的系统钥匙串（keyring）：口令不会被保存，每次签名都需要输入。口令从不以明文写入磁盘。</source>
        <translation>No system keyring available: the passphrase is not saved and must be typed at each signature. It is never written to disk in plain text.</translation>
    </message>
    <message>
        <source>替换签名身份</source>
        <translation>Replace signing identity</translation>
    </message>
    <message>
        <source>已有签名身份（{0}）。新身份将替换它，旧密钥文件会被覆盖；如需保留，请先备份。是否继续？</source>
        <translation>A signing identity exists ({0}). The new one replaces it and the old key file is overwritten; back it up first to keep it. Continue?</translation>
    </message>
    <message>
        <source>备份副本</source>
        <translation>Backup copy</translation>
    </message>
    <message>
        <source>PKCS#12 (*.p12)</source>
        <translation>PKCS#12 (*.p12)</translation>
    </message>
    <message>
        <source>选择密钥文件</source>
        <translation>Choose the key file</translation>
    </message>
    <message>
        <source>PKCS#12 (*.p12 *.pfx);;所有文件 (*)</source>
        <translation>PKCS#12 (*.p12 *.pfx);;All files (*)</translation>
    </message>
    <message>
        <source>请填写姓名（证书中的评审专家姓名）。</source>
        <translation>Enter the name (the reviewer's name in the certificate).</translation>
    </message>
    <message>
        <source>口令不能为空：密钥文件从不以无口令方式保存。</source>
        <translation>The passphrase cannot be empty: key files are never stored without one.</translation>
    </message>
    <message>
        <source>两次输入的口令不一致。</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <source>备份文件已存在，未覆盖：{0}</source>
        <translation>The backup file exists and was not overwritten: {0}</translation>
    </message>
    <message>
        <source>请选择 .p12 / .pfx 文件。</source>
        <translation>Choose a .p12 / .pfx file.</translation>
    </message>
    <message>
        <source>请输入密钥文件的口令。</source>
        <translation>Enter the key file's passphrase.</translation>
    </message>
    <message>
        <source>未完成：{0}</source>
        <translation>Not done: {0}</translation>
    </message>
    <message>
        <source>签名身份已就绪：{0}</source>
        <translation>Signing identity ready: {0}</translation>
    </message>
    <message>
        <source>口令已保存到系统钥匙串。</source>
        <translation>Passphrase saved in the system keyring.</translation>
    </message>
    <message>
        <source>口令未保存（没有可用的系统钥匙串），每次签名时输入。</source>
        <translation>Passphrase not saved (no system keyring available); type it at each signature.</translation>
    </message>
    <message>
        <source>注意：{0}</source>
        <translation>Note: {0}</translation>
    </message>
    <message>
        <source>备份副本：{0}</source>
        <translation>Backup copy: {0}</translation>
    </message>
</context>
<context>
    <name>KeyboardNavigation</name>
    <message>
        <source>转到申报列表</source>
        <translation>Go to application list</translation>
    </message>
    <message>
        <source>转到左侧文档</source>
        <translation>Go to left document</translation>
    </message>
    <message>
        <source>转到右侧文档</source>
        <translation>Go to right document</translation>
    </message>
    <message>
        <source>转到检查清单与评分</source>
        <translation>Go to checklist and scoring</translation>
    </message>
    <message>
        <source>下一区域</source>
        <translation>Next region</translation>
    </message>
    <message>
        <source>上一区域</source>
        <translation>Previous region</translation>
    </message>
</context>
<context>
    <name>KitsPage</name>
    <message>
        <source>评审包（每位抽中的专家一个，组长签名）</source>
        <translation>Review kits (one per drawn expert, signed by the chair)</translation>
    </message>
    <message>
        <source>评审包导出文件夹</source>
        <translation>Kit export folder</translation>
    </message>
    <message>
        <source>导出到文件夹(&amp;D)：</source>
        <translation>Export to fol&amp;der:</translation>
    </message>
    <message>
        <source>选择评审包导出文件夹</source>
        <translation>Choose the kit export folder</translation>
    </message>
    <message>
        <source>可选：工作区中没有原件时，原件所在文件夹（文件夹/申报编号/文件）</source>
        <translation>Optional: where the originals are when the workspace lacks them (folder/application/file)</translation>
    </message>
    <message>
        <source>材料原件文件夹</source>
        <translation>Originals folder</translation>
    </message>
    <message>
        <source>材料原件(&amp;G)：</source>
        <translation>Ori&amp;ginals:</translation>
    </message>
    <message>
        <source>选择材料原件文件夹</source>
        <translation>Choose the originals folder</translation>
    </message>
    <message>
        <source>可选：本评审组自己的承诺书文本（.txt）；默认使用内置文本</source>
        <translation>Optional: the panel's own pledge text (.txt); default: the built-in text</translation>
    </message>
    <message>
        <source>承诺书文本</source>
        <translation>Pledge text</translation>
    </message>
    <message>
        <source>承诺书文本(&amp;T)：</source>
        <translation>Pledge &amp;text:</translation>
    </message>
    <message>
        <source>选择承诺书文本</source>
        <translation>Choose the pledge text</translation>
    </message>
    <message>
        <source>文本文件 (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
    <message>
        <source>覆盖已有评审包</source>
        <translation>Replace existing kits</translation>
    </message>
    <message>
        <source>为每位专家导出评审包(&amp;K)</source>
        <translation>Export a &amp;kit per expert</translation>
    </message>
    <message>
        <source>专家</source>
        <translation>Expert</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>申报</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>文件数</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>评审包文件</source>
        <translation>Kit file</translation>
    </message>
    <message>
        <source>评审包</source>
        <translation>Kits</translation>
    </message>
    <message>
        <source>评审纪律与保密承诺书</source>
        <translation>Review discipline and confidentiality pledges</translation>
    </message>
    <message>
        <source>导入承诺书文件夹(&amp;M)…</source>
        <translation>I&amp;mport pledges folder…</translation>
    </message>
    <message>
        <source>导入承诺书文件(&amp;F)…</source>
        <translation>Import pledge &amp;file…</translation>
    </message>
    <message>
        <source>专家在自己的 slq-desk 中导入评审包并签署承诺书后，评审材料才会打开；签署的承诺书随评审意见交回。</source>
        <translation>Each expert imports the kit in their own slq-desk and signs the pledge before the documents open; the signed pledge comes back with the opinions.</translation>
    </message>
    <message>
        <source>承诺书</source>
        <translation>Pledge</translation>
    </message>
    <message>
        <source>签署时间（北京时间）</source>
        <translation>Signed (Beijing time)</translation>
    </message>
    <message>
        <source>签名证书</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>评审包编号</source>
        <translation>Kit ID</translation>
    </message>
    <message>
        <source>尚未抽取评审专家：请先在“抽取专家”页抽取。</source>
        <translation>No panel drawn yet: draw it on the Draw tab first.</translation>
    </message>
    <message>
        <source>请选择导出文件夹。</source>
        <translation>Choose an export folder.</translation>
    </message>
    <message>
        <source>正在生成 {0} 的评审包（{1}/{2}）…</source>
        <translation>Writing {0}'s kit ({1}/{2})…</translation>
    </message>
    <message>
        <source>已导出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>未导出</source>
        <translation>Not exported</translation>
    </message>
    <message>
        <source>组长证书指纹（请当面或电话告知专家，导入评审包时核对）：{0}</source>
        <translation>Chair certificate fingerprint (tell each expert in person or by phone; they check it when importing the kit): {0}</translation>
    </message>
    <message>
        <source>已导出 {0} 个评审包到 {1}</source>
        <translation>Exported {0} kits to {1}</translation>
    </message>
    <message>
        <source>；{0} 个未导出</source>
        <translation>; {0} not exported</translation>
    </message>
    <message>
        <source>选择承诺书所在文件夹</source>
        <translation>Choose the folder of signed pledges</translation>
    </message>
    <message>
        <source>选择承诺书</source>
        <translation>Choose a signed pledge</translation>
    </message>
    <message>
        <source>承诺书 (*.pdf *.zip)</source>
        <translation>Pledges (*.pdf *.zip)</translation>
    </message>
    <message>
        <source>正在核验并导入承诺书…</source>
        <translation>Verifying and importing pledges…</translation>
    </message>
    <message>
        <source>导入 {0} 份，拒绝 {1} 份，重复 {2} 份。</source>
        <translation>{0} imported, {1} refused, {2} duplicates.</translation>
    </message>
    <message>
        <source>拒绝 {0}：{1}</source>
        <translation>Refused {0}: {1}</translation>
    </message>
    <message>
        <source>已签署</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>尚未签署（已有评审意见）</source>
        <translation>Not signed (opinions already in)</translation>
    </message>
    <message>
        <source>尚未签署</source>
        <translation>Not signed yet</translation>
    </message>
    <message>
        <source>已签署承诺书 {0} 人，尚未签署 {1} 人。</source>
        <translation>{0} pledged, {1} not yet.</translation>
    </message>
</context>
<context>
    <name>ListsDialog</name>
    <message>
        <source>参考名单</source>
        <translation>Reference lists</translation>
    </message>
    <message>
        <source>已导入的名单</source>
        <translation>Imported lists</translation>
    </message>
    <message>
        <source>使用中</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>名单</source>
        <translation>List</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>条目</source>
        <translation>Entries</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>How chosen</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>导入人</source>
        <translation>Imported by</translation>
    </message>
    <message>
        <source>已导入的名单（每类以日期最新的一份为准）(&amp;L)：</source>
        <translation>Imported &amp;lists (the newest of each kind is the one in use):</translation>
    </message>
    <message>
        <source>尚未导入任何名单：相关规则会生成“请人工核对”的提示。</source>
        <translation>No list imported yet: the rules that need one ask for a check by hand.</translation>
    </message>
    <message>
        <source>导入名单（CSV 或 XLSX；列：名称、统一社会信用代码、设备型号、日期、备注）</source>
        <translation>Import a list (CSV or XLSX; columns: name, USCC, device model, date, note)</translation>
    </message>
    <message>
        <source>名单类别</source>
        <translation>List kind</translation>
    </message>
    <message>
        <source>类别(&amp;K)：</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>名单文件</source>
        <translation>List file</translation>
    </message>
    <message>
        <source>浏览(&amp;B)…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>文件(&amp;F)：</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <source>如：武汉市数据局公告 2026年第3号</source>
        <translation>e.g. Wuhan Data Bureau notice no. 3 of 2026</translation>
    </message>
    <message>
        <source>来源(&amp;S)：</source>
        <translation>&amp;Source:</translation>
    </message>
    <message>
        <source>名单日期</source>
        <translation>List date</translation>
    </message>
    <message>
        <source>名单日期(&amp;D)：</source>
        <translation>List &amp;date:</translation>
    </message>
    <message>
        <source>导入(&amp;I)</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>选择名单文件</source>
        <translation>Choose the list file</translation>
    </message>
    <message>
        <source>名单 (*.csv *.xlsx)</source>
        <translation>Lists (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>请选择名单文件。</source>
        <translation>Choose the list file.</translation>
    </message>
    <message>
        <source>未导入：{0}</source>
        <translation>Not imported: {0}</translation>
    </message>
    <message>
        <source>已导入 {0}：{1} 条，日期 {2}。</source>
        <translation>Imported {0}: {1} entries, dated {2}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>算力券申报审核工作台</source>
        <translation>Computing-voucher review desk</translation>
    </message>
    <message>
        <source>就绪</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>搜索编号、申报单位、政策 (Ctrl+K)</source>
        <translation>Search ID, applicant, policy (Ctrl+K)</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>申报列表</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>检查清单、评分表和补贴测算将显示在这里。
请先在左侧打开一份申报。</source>
        <translation>The checklist, scoring form and calculation appear here.
Open an application on the left first.</translation>
    </message>
    <message>
        <source>检查清单 / 评分 / 测算</source>
        <translation>Checklist / Scoring / Calculation</translation>
    </message>
    <message>
        <source>检查清单</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>评分</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <source>测算</source>
        <translation>Calculation</translation>
    </message>
    <message>
        <source>同步滚动</source>
        <translation>Sync scrolling</translation>
    </message>
    <message>
        <source>按当前位置对齐两侧文档并同步滚动 (Ctrl+L)</source>
        <translation>Align both documents where they are and scroll together (Ctrl+L)</translation>
    </message>
    <message>
        <source>打开工作区…</source>
        <translation>Open workspace…</translation>
    </message>
    <message>
        <source>刷新申报列表</source>
        <translation>Refresh list</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>导入申报包（.zip）…</source>
        <translation>Import package (.zip)…</translation>
    </message>
    <message>
        <source>导入 .zip 申报包；也可把文件夹或 .zip 拖到窗口上 (Ctrl+I)</source>
        <translation>Import a .zip package; you can also drop a folder or .zip on the window (Ctrl+I)</translation>
    </message>
    <message>
        <source>导入申报文件夹…</source>
        <translation>Import package folder…</translation>
    </message>
    <message>
        <source>重新检查与测算</source>
        <translation>Re-run checks</translation>
    </message>
    <message>
        <source>评审人与语言…</source>
        <translation>Reviewer and language…</translation>
    </message>
    <message>
        <source>搜索申报</source>
        <translation>Search applications</translation>
    </message>
    <message>
        <source>按状态筛选</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <source>下一份申报</source>
        <translation>Next application</translation>
    </message>
    <message>
        <source>上一份申报</source>
        <translation>Previous application</translation>
    </message>
    <message>
        <source>声明无利益冲突</source>
        <translation>Declare no conflict of interest</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>审核(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>未打开工作区</source>
        <translation>No workspace</translation>
    </message>
    <message>
        <source>算力券申报审核工作台 — {0}</source>
        <translation>Computing-voucher review desk — {0}</translation>
    </message>
    <message>
        <source>工作区：{0}</source>
        <translation>Workspace: {0}</translation>
    </message>
    <message>
        <source>申报 {0}：{1} 份材料</source>
        <translation>Application {0}: {1} documents</translation>
    </message>
    <message>
        <source>已打开申报 {0}。
检查清单、评分表和补贴测算将显示在这里。</source>
        <translation>Application {0} is open.
The checklist, scoring form and calculation appear here.</translation>
    </message>
    <message>
        <source>打开工作区</source>
        <translation>Open workspace</translation>
    </message>
    <message>
        <source>该字段已不在检查清单中，请重新选择</source>
        <translation>That field is no longer in the checklist; select it again</translation>
    </message>
    <message>
        <source>撤回更正</source>
        <translation>Withdraw correction</translation>
    </message>
    <message>
        <source>更正字段值</source>
        <translation>Correct field value</translation>
    </message>
    <message>
        <source>正在重新检查与测算…</source>
        <translation>Re-running checks and calculation…</translation>
    </message>
    <message>
        <source>已撤回更正并重新检查与测算：测算补贴 {0}</source>
        <translation>Correction withdrawn, checked and computed again: subsidy {0}</translation>
    </message>
    <message>
        <source>已更正字段并重新检查与测算：测算补贴 {0}</source>
        <translation>Field corrected, checked and computed again: subsidy {0}</translation>
    </message>
    <message>
        <source>尚未打开工作区。</source>
        <translation>No workspace is open.</translation>
    </message>
    <message>
        <source>撤销</source>
        <comment>edit: undo</comment>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>请在左侧申报列表中打开一份申报。</source>
        <translation>Open an application from the application list.</translation>
    </message>
    <message>
        <source>尚未打开工作区。

请在开始页新建或打开一个工作区，或生成演示工作区。</source>
        <translation>No workspace is open.

Create or open a workspace on the start page, or build the demo workspace.</translation>
    </message>
    <message>
        <source>正在打开工作区…</source>
        <translation>Opening the workspace…</translation>
    </message>
    <message>
        <source>正在打开工作区：{0}</source>
        <translation>Opening the workspace: {0}</translation>
    </message>
    <message>
        <source>工作区中还没有申报材料。

导入申报包（文件夹或 .zip）后，申报会出现在这里；也可以用「文件 › 生成演示工作区…」生成一个演示工作区。</source>
        <translation>This workspace has no applications yet.

Import a package (a folder or a .zip) and it appears here; or build a demo workspace with File › Build demo workspace….</translation>
    </message>
    <message>
        <source>证据：{0} 第 {1} 页</source>
        <translation>Evidence: {0}, page {1}</translation>
    </message>
    <message>
        <source>评审专家信息</source>
        <translation>Reviewer details</translation>
    </message>
    <message>
        <source>评审专家：{0}</source>
        <translation>Reviewer: {0}</translation>
    </message>
    <message>
        <source>正在检查与测算…</source>
        <translation>Running checks…</translation>
    </message>
    <message>
        <source>检查与测算已完成</source>
        <translation>Checks and calculation done</translation>
    </message>
    <message>
        <source>操作未完成</source>
        <translation>Not completed</translation>
    </message>
    <message>
        <source>导入申报包</source>
        <translation>Import package</translation>
    </message>
    <message>
        <source>申报包 (*.zip)</source>
        <translation>Packages (*.zip)</translation>
    </message>
    <message>
        <source>导入申报文件夹</source>
        <translation>Import package folder</translation>
    </message>
    <message>
        <source>请先打开一个工作区。</source>
        <translation>Open a workspace first.</translation>
    </message>
    <message>
        <source>正在导入 {0}…</source>
        <translation>Importing {0}…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在导入 {0}：{1}/{2} {3}</source>
        <translation>Importing {0}: {1}/{2} {3}</translation>
    </message>
    <message>
        <source>未能导入 {0}：
{1}</source>
        <translation>Could not import {0}:
{1}</translation>
    </message>
    <message>
        <source>已取消导入 {0}，未写入任何内容</source>
        <translation>Import of {0} cancelled; nothing was written</translation>
    </message>
    <message>
        <source>界面语言将在重新启动后完全生效</source>
        <translation>The language applies fully after a restart</translation>
    </message>
    <message>
        <source>待初审</source>
        <translation>To check</translation>
    </message>
    <message>
        <source>初审中</source>
        <translation>Checking</translation>
    </message>
    <message>
        <source>待评审</source>
        <translation>To review</translation>
    </message>
    <message>
        <source>评审中</source>
        <translation>Reviewing</translation>
    </message>
    <message>
        <source>已评审</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <source>已签署</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>补正中</source>
        <translation>Awaiting corrections</translation>
    </message>
    <message>
        <source>初审通过</source>
        <translation>Check passed</translation>
    </message>
    <message>
        <source>初审不通过</source>
        <translation>Check failed</translation>
    </message>
    <message>
        <source>公示中</source>
        <translation>Published for comment</translation>
    </message>
    <message>
        <source>已兑付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Withdrawn</translation>
    </message>
</context>
<context>
    <name>ManualCheckDialog</name>
    <message>
        <source>发票查验与信用核查 · 申报 {0}</source>
        <translation>Invoice verification and credit check · application {0}</translation>
    </message>
    <message>
        <source>发票查验（全国增值税发票查验平台，人工核对）</source>
        <translation>Invoice verification (national VAT invoice verification site, checked by hand)</translation>
    </message>
    <message>
        <source>发票</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <source>（未读出号码）</source>
        <translation>(number not read)</translation>
    </message>
    <message>
        <source>发票(&amp;I)：</source>
        <translation>&amp;Invoice:</translation>
    </message>
    <message>
        <source>查验结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>查验结果(&amp;R)：</source>
        <translation>&amp;Result:</translation>
    </message>
    <message>
        <source>查验日期</source>
        <translation>Checked on</translation>
    </message>
    <message>
        <source>查验日期(&amp;D)：</source>
        <translation>Checked on (&amp;D):</translation>
    </message>
    <message>
        <source>查验人</source>
        <translation>Checked by</translation>
    </message>
    <message>
        <source>查验人(&amp;B)：</source>
        <translation>Checked &amp;by:</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>备注(&amp;N)：</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>记录发票查验(&amp;V)</source>
        <translation>Record the in&amp;voice check</translation>
    </message>
    <message>
        <source>此申报没有识别为发票的材料。</source>
        <translation>This application has no document recognised as an invoice.</translation>
    </message>
    <message>
        <source>信用核查（“信用中国”信用报告）</source>
        <translation>Credit check (Credit China report)</translation>
    </message>
    <message>
        <source>核查结果</source>
        <translation>Credit result</translation>
    </message>
    <message>
        <source>核查结果(&amp;C)：</source>
        <translation>&amp;Credit result:</translation>
    </message>
    <message>
        <source>核查日期</source>
        <translation>Seen on</translation>
    </message>
    <message>
        <source>核查日期(&amp;T)：</source>
        <translation>Seen on (&amp;T):</translation>
    </message>
    <message>
        <source>核查人</source>
        <translation>Seen by</translation>
    </message>
    <message>
        <source>核查人(&amp;H)：</source>
        <translation>Seen by (&amp;H):</translation>
    </message>
    <message>
        <source>信用报告编号</source>
        <translation>Credit report number</translation>
    </message>
    <message>
        <source>信用报告编号(&amp;P)：</source>
        <translation>Credit re&amp;port number:</translation>
    </message>
    <message>
        <source>记录信用核查(&amp;K)</source>
        <translation>Record the credit chec&amp;k</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>一致</source>
        <translation>Matches</translation>
    </message>
    <message>
        <source>不一致</source>
        <translation>Mismatch</translation>
    </message>
    <message>
        <source>查无此票</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>无失信记录</source>
        <translation>No bad-credit record</translation>
    </message>
    <message>
        <source>有失信记录</source>
        <translation>Bad-credit record</translation>
    </message>
    <message>
        <source>未查到</source>
        <translation>Not found in the register</translation>
    </message>
    <message>
        <source>未记录：{0}</source>
        <translation>Not recorded: {0}</translation>
    </message>
    <message>
        <source>已记录：发票 {0} 查验{1}（{2}，{3}）</source>
        <translation>Recorded: invoice {0} verified: {1} ({2}, {3})</translation>
    </message>
    <message>
        <source>已记录：信用核查 {0}：{1}（{2}，{3}）</source>
        <translation>Recorded: credit check of {0}: {1} ({2}, {3})</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>备注列表</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>尚无备注。</source>
        <translation>No notes yet.</translation>
    </message>
    <message>
        <source>新备注</source>
        <translation>New note</translation>
    </message>
    <message>
        <source>写下备注（例如待核实的问题、与申报单位的沟通），Ctrl+Enter 保存</source>
        <translation>Write a note (a point to check, a call with the applicant); Ctrl+Enter saves</translation>
    </message>
    <message>
        <source>添加备注(&amp;A)</source>
        <translation>&amp;Add note</translation>
    </message>
    <message>
        <source>保存备注 (Ctrl+Enter)</source>
        <translation>Save the note (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>未打开申报。</source>
        <translation>No application open.</translation>
    </message>
    <message>
        <source>申报 {0} 的备注</source>
        <translation>Notes on application {0}</translation>
    </message>
    <message>
        <source>{0} · {1}（北京时间）</source>
        <translation>{0} · {1} (Beijing time)</translation>
    </message>
    <message>
        <source>署名：{0}</source>
        <translation>Signed: {0}</translation>
    </message>
    <message>
        <source>署名：（未设置，保存时将询问姓名）</source>
        <translation>Signed: (not set; your name is asked when you save)</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <source>通知书</source>
        <translation>Notices</translation>
    </message>
    <message>
        <source>起草(&amp;D)</source>
        <translation>&amp;Draft</translation>
    </message>
    <message>
        <source>保存草稿(&amp;A)</source>
        <translation>S&amp;ave draft</translation>
    </message>
    <message>
        <source>签发并导出(&amp;S)</source>
        <translation>&amp;Sign and export</translation>
    </message>
    <message>
        <source>打开文件(&amp;F)</source>
        <translation>Open &amp;file</translation>
    </message>
    <message>
        <source>打开文件夹(&amp;L)</source>
        <translation>Open fo&amp;lder</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>起草通知书 · 申报 {0}</source>
        <translation>Draft a notice · application {0}</translation>
    </message>
    <message>
        <source>文书</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>补正材料通知书（一次性告知）</source>
        <translation>Supplement notice (everything told at once)</translation>
    </message>
    <message>
        <source>受理通知书</source>
        <translation>Acceptance notice</translation>
    </message>
    <message>
        <source>不予受理通知书</source>
        <translation>Rejection notice</translation>
    </message>
    <message>
        <source>文书(&amp;K)：</source>
        <translation>Notice &amp;kind:</translation>
    </message>
    <message>
        <source>发文机关</source>
        <translation>Issuing office</translation>
    </message>
    <message>
        <source>如：武汉市数据局（本工作区记住）</source>
        <translation>e.g. Wuhan Data Bureau (remembered for this workspace)</translation>
    </message>
    <message>
        <source>发文机关(&amp;G)：</source>
        <translation>Issuing office (&amp;G):</translation>
    </message>
    <message>
        <source>承办人</source>
        <translation>Official in charge</translation>
    </message>
    <message>
        <source>承办人(&amp;P)：</source>
        <translation>Official in charge (&amp;P):</translation>
    </message>
    <message>
        <source>补正期限（工作日）</source>
        <translation>Deadline (working days)</translation>
    </message>
    <message>
        <source>补正期限（工作日）(&amp;W)：</source>
        <translation>Deadline (&amp;working days):</translation>
    </message>
    <message>
        <source>不予受理理由</source>
        <translation>Reasons for refusal</translation>
    </message>
    <message>
        <source>每行一条；留空则取阻断问题</source>
        <translation>One per line; empty: the blocking findings</translation>
    </message>
    <message>
        <source>不予受理理由(&amp;Y)：</source>
        <translation>Reasons for refusal (&amp;Y):</translation>
    </message>
    <message>
        <source>起草时先重新运行初审检查，通知书从当前问题生成，并取得文书编号。</source>
        <translation>Drafting runs the checks again; the notice is made from the current findings and gets its document number.</translation>
    </message>
    <message>
        <source>请填写发文机关和承办人。</source>
        <translation>Enter the issuing office and the official in charge.</translation>
    </message>
    <message>
        <source>已起草，文书编号 {0}。核对、编辑后签发。</source>
        <translation>Drafted as {0}. Check and edit it, then sign.</translation>
    </message>
    <message>
        <source>补正截止日期</source>
        <translation>Supplement deadline</translation>
    </message>
    <message>
        <source>截止日期(&amp;E)：</source>
        <translation>D&amp;eadline:</translation>
    </message>
    <message>
        <source>期限说明</source>
        <translation>Deadline wording</translation>
    </message>
    <message>
        <source>期限说明(&amp;U)：</source>
        <translation>Deadline word&amp;ing:</translation>
    </message>
    <message>
        <source>联系方式</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>如：027-12345678（王承办）</source>
        <translation>e.g. 027-12345678 (Wang)</translation>
    </message>
    <message>
        <source>联系方式(&amp;C)：</source>
        <translation>&amp;Contact:</translation>
    </message>
    <message>
        <source>告知事项（勾选的列入通知书；各列可直接编辑）：</source>
        <translation>Items told (ticked ones go into the notice; every column can be edited):</translation>
    </message>
    <message>
        <source>告知事项</source>
        <translation>Items told</translation>
    </message>
    <message>
        <source>列入</source>
        <translation>In</translation>
    </message>
    <message>
        <source>材料</source>
        <translation>Docs</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>依据</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>补正要求</source>
        <translation>What the supplement must meet</translation>
    </message>
    <message>
        <source>不予受理理由（每行一条）(&amp;Y)：</source>
        <translation>Reasons for refusal, one per line (&amp;Y):</translation>
    </message>
    <message>
        <source>输出文件</source>
        <translation>Output file</translation>
    </message>
    <message>
        <source>浏览(&amp;O)…</source>
        <translation>Br&amp;owse…</translation>
    </message>
    <message>
        <source>输出文件：</source>
        <translation>Output file:</translation>
    </message>
    <message>
        <source>不签名，只生成草稿 PDF（供内部核对）(&amp;N)</source>
        <translation>Do &amp;not sign; write a draft PDF for internal checking</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>已签发</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>{0} · {1} · 申报 {2} {3} · {4}</source>
        <translation>{0} · {1} · application {2} {3} · {4}</translation>
    </message>
    <message>
        <source>注意：{0}</source>
        <translation>Note: {0}</translation>
    </message>
    <message>
        <source>此通知书已签发：{0}</source>
        <translation>This notice is signed: {0}</translation>
    </message>
    <message>
        <source>未保存：{0}</source>
        <translation>Not saved: {0}</translation>
    </message>
    <message>
        <source>草稿已保存（{0}）。</source>
        <translation>Draft saved ({0}).</translation>
    </message>
    <message>
        <source>保存通知书</source>
        <translation>Save the notice</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>输出文件应以 .pdf 结尾。</source>
        <translation>The output file must end in .pdf.</translation>
    </message>
    <message>
        <source>未签发：{0}</source>
        <translation>Not signed: {0}</translation>
    </message>
    <message>
        <source>已签发：{0}
文书编号 {1} · {2} 页 · SHA-256 {3}</source>
        <translation>Signed: {0}
Document number {1} · {2} pages · SHA-256 {3}</translation>
    </message>
    <message>
        <source>已生成未签署的草稿 PDF：{0}</source>
        <translation>Unsigned draft PDF written: {0}</translation>
    </message>
    <message>
        <source>未完成：{0}</source>
        <translation>Not done: {0}</translation>
    </message>
    <message>
        <source>已取消。</source>
        <translation>Cancelled.</translation>
    </message>
</context>
<context>
    <name>OfficeActions</name>
    <message>
        <source>更改申报状态(&amp;S)…</source>
        <translation>Change the application'&amp;s status…</translation>
    </message>
    <message>
        <source>起草补正材料通知书(&amp;N)…</source>
        <translation>Draft a supplement &amp;notice…</translation>
    </message>
    <message>
        <source>起草受理通知书(&amp;A)…</source>
        <translation>Draft an &amp;acceptance notice…</translation>
    </message>
    <message>
        <source>起草不予受理通知书(&amp;J)…</source>
        <translation>Draft a re&amp;jection notice…</translation>
    </message>
    <message>
        <source>导入补正材料文件夹(&amp;B)…</source>
        <translation>Import a supplement folder (&amp;B)…</translation>
    </message>
    <message>
        <source>导入补正包（.zip）(&amp;Z)…</source>
        <translation>Import a supplement package (.&amp;zip)…</translation>
    </message>
    <message>
        <source>记录发票查验与信用核查(&amp;V)…</source>
        <translation>Record in&amp;voice verification and credit check…</translation>
    </message>
    <message>
        <source>查重(&amp;D)…</source>
        <translation>&amp;Duplicate check…</translation>
    </message>
    <message>
        <source>参考名单(&amp;L)…</source>
        <translation>Reference &amp;lists…</translation>
    </message>
    <message>
        <source>导出初审汇总表(&amp;X)…</source>
        <translation>E&amp;xport the preliminary review summary…</translation>
    </message>
    <message>
        <source>初审面板(&amp;P)</source>
        <translation>Preliminary review &amp;panel</translation>
    </message>
    <message>
        <source>初审(&amp;O)</source>
        <translation>&amp;Office</translation>
    </message>
    <message>
        <source>转为(&amp;T)</source>
        <translation>Move &amp;to</translation>
    </message>
    <message>
        <source>请先打开工作区</source>
        <translation>Open a workspace first</translation>
    </message>
    <message>
        <source>请先在左侧选择一份申报</source>
        <translation>Choose an application on the left first</translation>
    </message>
    <message>
        <source>初审</source>
        <translation>Preliminary review</translation>
    </message>
    <message>
        <source>（未打开申报）</source>
        <translation>(no application open)</translation>
    </message>
    <message>
        <source>（终态，不能再更改）</source>
        <translation>(final status; no further change)</translation>
    </message>
    <message>
        <source>申报 {0}：{1} → {2}</source>
        <translation>Application {0}: {1} → {2}</translation>
    </message>
    <message>
        <source>选择申报 {0} 的补正材料文件夹</source>
        <translation>Choose the supplement folder of application {0}</translation>
    </message>
    <message>
        <source>选择申报 {0} 的补正包</source>
        <translation>Choose the supplement package of application {0}</translation>
    </message>
    <message>
        <source>补正包 (*.zip)</source>
        <translation>Supplement packages (*.zip)</translation>
    </message>
    <message>
        <source>正在导入补正材料 {0}，并重新检查与测算…</source>
        <translation>Importing the supplement {0} and running the checks and calculation again…</translation>
    </message>
    <message>
        <source>导入补正材料</source>
        <translation>Import supplementary materials</translation>
    </message>
    <message>
        <source>申报 {0}：补正材料已导入为第 {1} 版</source>
        <translation>Application {0}: supplement imported as version {1}</translation>
    </message>
    <message>
        <source>未能导入 {0}：
{1}</source>
        <translation>Could not import {0}:
{1}</translation>
    </message>
</context>
<context>
    <name>OfficeStatus</name>
    <message>
        <source>申报已是“{0}”。</source>
        <translation>The application is already “{0}”.</translation>
    </message>
    <message>
        <source>无（终态）</source>
        <translation>none (final status)</translation>
    </message>
    <message>
        <source>不能从“{0}”转为“{1}”。可转为：{2}。</source>
        <translation>Cannot move from “{0}” to “{1}”. Allowed: {2}.</translation>
    </message>
    <message>
        <source>尚有 {0} 项阻断问题未解决，不能初审通过：</source>
        <translation>{0} blocking findings are still open, so it cannot pass the preliminary review:</translation>
    </message>
    <message>
        <source>
……另有 {0} 项</source>
        <translation>
… and {0} more</translation>
    </message>
    <message>
        <source>请先更正或补正；确需通过的，勾选“越过阻断问题”并写明理由（记入审计日志）。</source>
        <translation>Correct them or ask for a supplement first; to pass it anyway, tick the override and write the reason (it goes into the audit log).</translation>
    </message>
    <message>
        <source>尚未签发补正材料通知书（一次性告知），不能转为补正中。请先签发通知书；已书面送达的，勾选“越过”并写明理由。</source>
        <translation>No supplement notice is signed yet (everything must be told at once), so it cannot await a supplement. Sign the notice first; if it was served on paper, tick the override and write the reason.</translation>
    </message>
    <message>
        <source>没有已提交的评审，也没有导入的签名专家意见，不能转为已评审。</source>
        <translation>No submitted review and no imported signed expert opinion, so it cannot be marked reviewed.</translation>
    </message>
    <message>
        <source>不能转为“{0}”：{1}</source>
        <translation>Cannot move to “{0}”: {1}</translation>
    </message>
</context>
<context>
    <name>OfficeTab</name>
    <message>
        <source>可转为（点击后写明理由）：</source>
        <translation>Can move to (write the reason after clicking):</translation>
    </message>
    <message>
        <source>可转为的状态</source>
        <translation>Allowed next statuses</translation>
    </message>
    <message>
        <source>通知书</source>
        <translation>Notices</translation>
    </message>
    <message>
        <source>文书编号</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>文书</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>起草通知书…</source>
        <translation>Draft a notice…</translation>
    </message>
    <message>
        <source>编辑 / 签发…</source>
        <translation>Edit / sign…</translation>
    </message>
    <message>
        <source>打开文件</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>发票查验与信用核查</source>
        <translation>Invoice verification and credit check</translation>
    </message>
    <message>
        <source>发票查验</source>
        <translation>Invoice verification</translation>
    </message>
    <message>
        <source>发票</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <source>查验结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>查验人</source>
        <translation>Checked by</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>记录查验…</source>
        <translation>Record a check…</translation>
    </message>
    <message>
        <source>补正</source>
        <translation>Supplement</translation>
    </message>
    <message>
        <source>导入补正文件夹…</source>
        <translation>Import a supplement folder…</translation>
    </message>
    <message>
        <source>导入补正包（.zip）…</source>
        <translation>Import a supplement (.zip)…</translation>
    </message>
    <message>
        <source>状态记录</source>
        <translation>Status history</translation>
    </message>
    <message>
        <source>请先在左侧打开一份申报。</source>
        <translation>Open an application on the left first.</translation>
    </message>
    <message>
        <source>申报 {0} · {1} · {2}</source>
        <translation>Application {0} · {1} · {2}</translation>
    </message>
    <message>
        <source>状态：&lt;b&gt;{0}&lt;/b&gt; · 未解决的阻断问题 {1} 项</source>
        <translation>Status: &lt;b&gt;{0}&lt;/b&gt; · open blocking findings: {1}</translation>
    </message>
    <message>
        <source>把申报转为“{0}”（写明理由）</source>
        <translation>Move the application to “{0}” (with a reason)</translation>
    </message>
    <message>
        <source>转为{0}</source>
        <translation>Move to {0}</translation>
    </message>
    <message>
        <source>终态，不能再更改</source>
        <translation>Final status; no further change</translation>
    </message>
    <message>
        <source>补正材料通知书</source>
        <translation>Supplement notice</translation>
    </message>
    <message>
        <source>受理通知书</source>
        <translation>Acceptance notice</translation>
    </message>
    <message>
        <source>不予受理通知书</source>
        <translation>Rejection notice</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>已签发</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>一致</source>
        <translation>Matches</translation>
    </message>
    <message>
        <source>不一致</source>
        <translation>Mismatch</translation>
    </message>
    <message>
        <source>查无此票</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>无失信记录</source>
        <translation>No bad-credit record</translation>
    </message>
    <message>
        <source>有失信记录</source>
        <translation>Bad-credit record</translation>
    </message>
    <message>
        <source>未查到</source>
        <translation>Not found in the register</translation>
    </message>
    <message>
        <source>未查验</source>
        <translation>Not verified</translation>
    </message>
    <message>
        <source>信用核查：{0}（{1}，{2}）{3}</source>
        <translation>Credit check: {0} ({1}, {2}) {3}</translation>
    </message>
    <message>
        <source>信用核查：尚未记录</source>
        <translation>Credit check: not recorded yet</translation>
    </message>
    <message>
        <source>仅原始申报包，尚无补正。</source>
        <translation>Only the original package; no supplement yet.</translation>
    </message>
    <message>
        <source>第 {0} 版 {1}：新增 {2}，替换 {3}，已解决 {4}，仍存在 {5}</source>
        <translation>Version {0} {1}: {2} added, {3} replaced, {4} findings closed, {5} remaining</translation>
    </message>
    <message>
        <source>{0}  {1} → {2}  {3}：{4}</source>
        <translation>{0}  {1} → {2}  {3}: {4}</translation>
    </message>
    <message>
        <source>（越过 {0} 项）</source>
        <translation> ({0} overridden)</translation>
    </message>
    <message>
        <source>尚无状态变更。</source>
        <translation>No status change yet.</translation>
    </message>
</context>
<context>
    <name>OpenButtons</name>
    <message>
        <source>打开文件</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
</context>
<context>
    <name>OutputBar</name>
    <message>
        <source>打开文件(&amp;F)</source>
        <translation>Open &amp;file</translation>
    </message>
    <message>
        <source>打开所在文件夹(&amp;D)</source>
        <translation>Open fol&amp;der</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>已导出：{0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <source>无法打开文件：{0}</source>
        <translation>Cannot open the file: {0}</translation>
    </message>
    <message>
        <source>无法打开文件夹：{0}</source>
        <translation>Cannot open the folder: {0}</translation>
    </message>
</context>
<context>
    <name>OutputsDialog</name>
    <message>
        <source>申报 {0} 的输出文件</source>
        <translation>Output files of {0}</translation>
    </message>
    <message>
        <source>输出文件</source>
        <translation>Output file</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>签署</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>时间（北京时间）</source>
        <translation>Time (Beijing)</translation>
    </message>
    <message>
        <source>已签署：{0}</source>
        <translation>Signed: {0}</translation>
    </message>
    <message>
        <source>未签署（草稿）</source>
        <translation>Unsigned (draft)</translation>
    </message>
    <message>
        <source>（已签署）</source>
        <translation> (signed)</translation>
    </message>
    <message>
        <source>（草稿）</source>
        <translation> (draft)</translation>
    </message>
    <message>
        <source>{0}（文件已不在）</source>
        <translation>{0} (file no longer there)</translation>
    </message>
    <message>
        <source>本申报还没有导出的评审意见或通知书。</source>
        <translation>No opinion or notice has been exported for this application yet.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>补正材料通知书</source>
        <translation>Supplement notice</translation>
    </message>
    <message>
        <source>受理通知书</source>
        <translation>Acceptance notice</translation>
    </message>
    <message>
        <source>不予受理通知书</source>
        <translation>Rejection notice</translation>
    </message>
    <message>
        <source>专家评审意见表</source>
        <translation>Expert review opinion</translation>
    </message>
    <message>
        <source>初审意见</source>
        <translation>Preliminary-review opinion</translation>
    </message>
    <message>
        <source>评审组意见</source>
        <translation>Panel opinion</translation>
    </message>
    <message>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
</context>
<context>
    <name>PanelPaths</name>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
</context>
<context>
    <name>PanelView</name>
    <message>
        <source>评审组汇总</source>
        <translation>Panel summary</translation>
    </message>
    <message>
        <source>汇总方法</source>
        <translation>Aggregation</translation>
    </message>
    <message>
        <source>按专家 z 分数标准化(&amp;Z)</source>
        <translation>Normalise by reviewer &amp;z-scores</translation>
    </message>
    <message>
        <source>政策</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>重新汇总(&amp;U)</source>
        <translation>Re-aggregate (&amp;U)</translation>
    </message>
    <message>
        <source>汇总方法(&amp;A)：</source>
        <translation>&amp;Aggregation:</translation>
    </message>
    <message>
        <source>政策(&amp;P)：</source>
        <translation>&amp;Policy:</translation>
    </message>
    <message>
        <source>导入文件夹(&amp;F)…</source>
        <translation>Import &amp;folder…</translation>
    </message>
    <message>
        <source>导入 zip(&amp;Z)…</source>
        <translation>Import &amp;zip…</translation>
    </message>
    <message>
        <source>也可把签名的意见 PDF、文件夹或 .zip 拖放到此窗口。每个文件都先核验签名。</source>
        <translation>You can also drop signed opinion PDFs, a folder or a .zip onto this window. Every file's signature is verified first.</translation>
    </message>
    <message>
        <source>本次导入结果</source>
        <translation>This import's results</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>申报</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>评审专家</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>总分</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>已导入的专家意见</source>
        <translation>Imported reviewer opinions</translation>
    </message>
    <message>
        <source>意见</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>本工作区</source>
        <translation>This workspace</translation>
    </message>
    <message>
        <source>签署时间</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>意见导入</source>
        <translation>Opinion import</translation>
    </message>
    <message>
        <source>评审组名册（按证书识别评审专家）</source>
        <translation>Panel roster (reviewers are known by their certificates)</translation>
    </message>
    <message>
        <source>成员姓名</source>
        <translation>Member name</translation>
    </message>
    <message>
        <source>登记证书(&amp;C)…</source>
        <translation>Register &amp;certificate…</translation>
    </message>
    <message>
        <source>成员</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>有效至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>证书指纹 SHA-256</source>
        <translation>Certificate SHA-256</translation>
    </message>
    <message>
        <source>名册为空：导入时以证书姓名核对评审专家。建议登记每位成员的证书。</source>
        <translation>The roster is empty: import matches reviewers by certificate name. Register each member's certificate.</translation>
    </message>
    <message>
        <source>选择成员的证书</source>
        <translation>Choose the member's certificate</translation>
    </message>
    <message>
        <source>证书 (*.pem *.crt *.cer *.der)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der)</translation>
    </message>
    <message>
        <source>已登记 {name} 的证书。</source>
        <translation>{name}'s certificate is registered.</translation>
    </message>
    <message>
        <source>专家数</source>
        <translation>Reviewers</translation>
    </message>
    <message>
        <source>综合得分</source>
        <translation>Overall score</translation>
    </message>
    <message>
        <source>均值</source>
        <translation>Mean</translation>
    </message>
    <message>
        <source>中位数</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>截尾均值（≥5 位专家时去掉最高最低）</source>
        <translation>Trimmed mean (highest and lowest dropped with ≥5 experts)</translation>
    </message>
    <message>
        <source>去掉一个最高分和一个最低分</source>
        <translation>Drop one highest and one lowest score</translation>
    </message>
    <message>
        <source>当前汇总方法</source>
        <translation>Current combining method</translation>
    </message>
    <message>
        <source>截尾均值</source>
        <translation>Trimmed mean</translation>
    </message>
    <message>
        <source>标准差</source>
        <translation>Std. dev.</translation>
    </message>
    <message>
        <source>极差</source>
        <translation>Range</translation>
    </message>
    <message>
        <source>分歧提示</source>
        <translation>Disagreements</translation>
    </message>
    <message>
        <source>汇总评分</source>
        <translation>Aggregate scores</translation>
    </message>
    <message>
        <source>评审数</source>
        <translation>Reviews</translation>
    </message>
    <message>
        <source>平均分</source>
        <translation>Mean score</translation>
    </message>
    <message>
        <source>评审组平均</source>
        <translation>Panel mean</translation>
    </message>
    <message>
        <source>偏差</source>
        <translation>Deviation</translation>
    </message>
    <message>
        <source>打分校准</source>
        <translation>Score calibration</translation>
    </message>
    <message>
        <source>按政策资金池</source>
        <translation>By policy fund pool</translation>
    </message>
    <message>
        <source>预算（元）</source>
        <translation>Budget (yuan)</translation>
    </message>
    <message>
        <source>按评分表合格线</source>
        <translation>By the rubric's pass mark</translation>
    </message>
    <message>
        <source>分数线</source>
        <translation>Cut-off</translation>
    </message>
    <message>
        <source>不设分数线</source>
        <translation>No cut-off</translation>
    </message>
    <message>
        <source>排名并分配(&amp;R)</source>
        <translation>&amp;Rank and allocate</translation>
    </message>
    <message>
        <source>预算（元）(&amp;B)：</source>
        <translation>&amp;Budget (yuan):</translation>
    </message>
    <message>
        <source>分数线(&amp;C)：</source>
        <translation>&amp;Cut-off:</translation>
    </message>
    <message>
        <source>分配方式(&amp;O)：</source>
        <translation>Allocati&amp;on:</translation>
    </message>
    <message>
        <source>排名</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>申报单位</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>名单</source>
        <translation>List</translation>
    </message>
    <message>
        <source>建议金额（元）</source>
        <translation>Recommended amount (yuan)</translation>
    </message>
    <message>
        <source>拨付金额（元）</source>
        <translation>Granted (yuan)</translation>
    </message>
    <message>
        <source>分歧</source>
        <translation>Disagreement</translation>
    </message>
    <message>
        <source>并列判定</source>
        <translation>Tie-break</translation>
    </message>
    <message>
        <source>排名与名单</source>
        <translation>Ranking and lists</translation>
    </message>
    <message>
        <source>例如：500000, 700000, 900000（元，逗号分隔）</source>
        <translation>e.g. 500000, 700000, 900000 (yuan, comma-separated)</translation>
    </message>
    <message>
        <source>可选，例如：60, 70（“无”表示不设分数线）</source>
        <translation>Optional, e.g. 60, 70 (“none” for no cut-off)</translation>
    </message>
    <message>
        <source>预算方案(&amp;G)：</source>
        <translation>Bud&amp;get scenarios:</translation>
    </message>
    <message>
        <source>分数线方案(&amp;K)：</source>
        <translation>Cut-off scenarios (&amp;K):</translation>
    </message>
    <message>
        <source>模拟(&amp;M)</source>
        <translation>Si&amp;mulate</translation>
    </message>
    <message>
        <source>正选</source>
        <translation>Main list</translation>
    </message>
    <message>
        <source>备选</source>
        <translation>Reserve</translation>
    </message>
    <message>
        <source>拨付合计（元）</source>
        <translation>Total granted (yuan)</translation>
    </message>
    <message>
        <source>进入正选</source>
        <translation>Move into the main list</translation>
    </message>
    <message>
        <source>移出正选</source>
        <translation>Move out of the main list</translation>
    </message>
    <message>
        <source>预算模拟</source>
        <translation>Budget simulation</translation>
    </message>
    <message>
        <source>导出当前排名与名单（“排名与名单”页的预算、分数线与分配方式）：
评审结果汇总表 PDF（签名）、名单 CSV/XLSX、评分明细 CSV/JSON。</source>
        <translation>Export the current ranking and lists (budget, cut-off and allocation of the “Ranking and lists” page):
signed results summary PDF, lists as CSV/XLSX, scores as CSV/JSON.</translation>
    </message>
    <message>
        <source>浏览(&amp;W)…</source>
        <translation>Bro&amp;wse…</translation>
    </message>
    <message>
        <source>导出到文件夹(&amp;D)：</source>
        <translation>Export to fol&amp;der:</translation>
    </message>
    <message>
        <source>默认：签名证书中的姓名</source>
        <translation>Default: the name in the signing certificate</translation>
    </message>
    <message>
        <source>评审组长(&amp;H)：</source>
        <translation>C&amp;hair:</translation>
    </message>
    <message>
        <source>草稿（不签名）</source>
        <translation>Draft (unsigned)</translation>
    </message>
    <message>
        <source>覆盖已有文件</source>
        <translation>Overwrite existing files</translation>
    </message>
    <message>
        <source>导出(&amp;X)</source>
        <translation>E&amp;xport</translation>
    </message>
    <message>
        <source>签名</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>汇总方法：{0}（打印在汇总表、综合意见、评审报告、公示名单上）</source>
        <translation>Combining method: {0} (printed on the summary, panel opinions, report and publicity list)</translation>
    </message>
    <message>
        <source>有效</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>已被更新的意见取代</source>
        <translation>Superseded by a newer opinion</translation>
    </message>
    <message>
        <source>有</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>无此申报</source>
        <translation>No such application</translation>
    </message>
    <message>
        <source>专家不足 5 位，未去掉最高最低分</source>
        <translation>Fewer than 5 reviewers: highest and lowest scores kept</translation>
    </message>
    <message>
        <source>分歧提示：{0} 个申报的专家评分分歧较大（红色行），建议增加一名评审或组织讨论。</source>
        <translation>Disagreements: reviewers' scores differ widely on {0} applications (red rows); consider another reviewer or a discussion.</translation>
    </message>
    <message>
        <source>没有分歧提示。</source>
        <translation>No disagreements.</translation>
    </message>
    <message>
        <source>预算不是有效金额：{0}</source>
        <translation>The budget is not a valid amount: {0}</translation>
    </message>
    <message>
        <source>预算须精确到分：{0}</source>
        <translation>The budget must be exact to the fen: {0}</translation>
    </message>
    <message>
        <source>分数线不是有效数字：{0}</source>
        <translation>The cut-off is not a valid number: {0}</translation>
    </message>
    <message>
        <source>该政策未规定资金池：请在“预算（元）”中填写本年度资金池金额，再按“排名并分配”。</source>
        <translation>This policy sets no fund pool: enter this year's pool under “Budget (yuan)”, then press “Rank and allocate”.</translation>
    </message>
    <message>
        <source> 并列未决</source>
        <translation> tie unresolved</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>政策 {0}　资金池 不限　分数线 {1}　正选 {2}，备选 {3}，未入选 {4}；拨付合计 {5}</source>
        <translation>Policy {0}  pool unlimited  cut-off {1}  main {2}, reserve {3}, out {4}; granted {5}</translation>
    </message>
    <message>
        <source>政策 {0}　资金池 {1}　分数线 {2}　正选 {3}，备选 {4}，未入选 {5}；拨付合计 {6}，余额 {7}</source>
        <translation>Policy {0}  pool {1}  cut-off {2}  main {3}, reserve {4}, out {5}; granted {6}, left {7}</translation>
    </message>
    <message>
        <source>没有可排序的申报：请先导入签名的专家意见。</source>
        <translation>Nothing to rank: import signed reviewer opinions first.</translation>
    </message>
    <message>
        <source>预算方案</source>
        <translation>Budget scenarios</translation>
    </message>
    <message>
        <source>分数线方案</source>
        <translation>Cut-off scenarios</translation>
    </message>
    <message>
        <source>请填写至少一个预算方案或分数线方案。</source>
        <translation>Enter at least one budget or cut-off scenario.</translation>
    </message>
    <message>
        <source>基准：预算 {0}，分数线 {1}，正选 {2}，拨付 {3}</source>
        <translation>Baseline: budget {0}, cut-off {1}, main list {2}, granted {3}</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Unlimited</translation>
    </message>
    <message>
        <source>选择签名意见所在文件夹</source>
        <translation>Choose the folder of signed opinions</translation>
    </message>
    <message>
        <source>选择签名意见 zip</source>
        <translation>Choose a zip of signed opinions</translation>
    </message>
    <message>
        <source>zip 压缩包 (*.zip);;PDF 文件 (*.pdf)</source>
        <translation>Zip archives (*.zip);;PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>未导入：{0}</source>
        <translation>Not imported: {0}</translation>
    </message>
    <message>
        <source>本工作区无此申报</source>
        <translation>Not in this workspace</translation>
    </message>
    <message>
        <source>取代了较早的意见</source>
        <translation>supersedes an earlier opinion</translation>
    </message>
    <message>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>已导入过</source>
        <translation>Already imported</translation>
    </message>
    <message>
        <source>拒绝</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>导入 {0} 份，拒绝 {1} 份，重复 {2} 份，本工作区无对应申报 {3} 份。</source>
        <translation>{0} imported, {1} refused, {2} duplicates, {3} for applications not in this workspace.</translation>
    </message>
    <message>
        <source>选择导出文件夹</source>
        <translation>Choose the export folder</translation>
    </message>
    <message>
        <source>还没有名单：请先在“排名与名单”页完成排名。</source>
        <translation>No lists yet: rank on the “Ranking and lists” page first.</translation>
    </message>
    <message>
        <source>请选择导出文件夹。</source>
        <translation>Choose an export folder.</translation>
    </message>
    <message>
        <source>导出位置不是文件夹：{0}</source>
        <translation>The export location is not a folder: {0}</translation>
    </message>
    <message>
        <source>已取消，未导出。</source>
        <translation>Cancelled; nothing exported.</translation>
    </message>
    <message>
        <source>未导出：{0}</source>
        <translation>Not exported: {0}</translation>
    </message>
    <message>
        <source>已签名</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>已导出 {0} 个文件到 {1}</source>
        <translation>Exported {0} files to {1}</translation>
    </message>
    <message>
        <source>抽取专家</source>
        <translation>Draw</translation>
    </message>
    <message>
        <source>评审包与承诺书</source>
        <translation>Kits and pledges</translation>
    </message>
    <message>
        <source>复核</source>
        <translation>Re-check</translation>
    </message>
    <message>
        <source>综合意见与评审报告</source>
        <translation>Panel opinion and report</translation>
    </message>
    <message>
        <source>公示与异议</source>
        <translation>Publicity and objections</translation>
    </message>
</context>
<context>
    <name>PrintPdfDialog</name>
    <message>
        <source>打印预览：{0}</source>
        <translation>Print preview: {0}</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>无法打印：{0}</source>
        <translation>Cannot print: {0}</translation>
    </message>
</context>
<context>
    <name>ProcessPage</name>
    <message>
        <source>另一项操作正在进行，请稍候。</source>
        <translation>Another operation is running; please wait.</translation>
    </message>
    <message>
        <source>未完成：{0}</source>
        <translation>Not done: {0}</translation>
    </message>
    <message>
        <source>已取消。</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>正在解锁签名密钥…</source>
        <translation>Unlocking the signing key…</translation>
    </message>
</context>
<context>
    <name>PublicityPage</name>
    <message>
        <source>公示名单（拟支持名单与评审专家）</source>
        <translation>Publicity list (applications to be supported, and the experts)</translation>
    </message>
    <message>
        <source>公示导出文件夹</source>
        <translation>Publicity export folder</translation>
    </message>
    <message>
        <source>导出到文件夹(&amp;D)：</source>
        <translation>Export to fol&amp;der:</translation>
    </message>
    <message>
        <source>选择公示导出文件夹</source>
        <translation>Choose the publicity export folder</translation>
    </message>
    <message>
        <source>公示开始日期</source>
        <translation>Publicity start date</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>公示天数</source>
        <translation>Publicity days</translation>
    </message>
    <message>
        <source>覆盖已有文件</source>
        <translation>Overwrite existing files</translation>
    </message>
    <message>
        <source>导出公示名单(&amp;L)</source>
        <translation>Export publicity &amp;list</translation>
    </message>
    <message>
        <source>公示开始(&amp;S)：</source>
        <translation>&amp;Starts:</translation>
    </message>
    <message>
        <source>公示期(&amp;Y)：</source>
        <translation>Da&amp;ys:</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>申报单位</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>申报</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>拟支持金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>公示名单</source>
        <translation>Publicity list</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>公示文件</source>
        <translation>Publicity files</translation>
    </message>
    <message>
        <source>异议记录</source>
        <translation>Objections log</translation>
    </message>
    <message>
        <source>异议所涉申报</source>
        <translation>Application objected to</translation>
    </message>
    <message>
        <source>提出人</source>
        <translation>Objector</translation>
    </message>
    <message>
        <source>异议内容</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>收到时间（北京时间）</source>
        <translation>Received (Beijing time)</translation>
    </message>
    <message>
        <source>登记异议(&amp;J)</source>
        <translation>Record ob&amp;jection</translation>
    </message>
    <message>
        <source>异议申报(&amp;E)：</source>
        <translation>Application obj&amp;ected to:</translation>
    </message>
    <message>
        <source>收到(&amp;R)：</source>
        <translation>&amp;Received:</translation>
    </message>
    <message>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>答复</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>重新评审</source>
        <translation>Re-reviewed</translation>
    </message>
    <message>
        <source>登记/答复人</source>
        <translation>Recorded / answered by</translation>
    </message>
    <message>
        <source>答复内容</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>异议成立</source>
        <translation>Upheld</translation>
    </message>
    <message>
        <source>异议部分成立</source>
        <translation>Partly upheld</translation>
    </message>
    <message>
        <source>异议不成立</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>重新评审该申报</source>
        <translation>Reopen the application's review</translation>
    </message>
    <message>
        <source>答复(&amp;K)</source>
        <translation>Answer (&amp;K)</translation>
    </message>
    <message>
        <source>答复所选异议(&amp;Q)：</source>
        <translation>Answer the selected objection (&amp;Q):</translation>
    </message>
    <message>
        <source>汇总方法（打印在公示名单上）：{0}</source>
        <translation>Combining method (printed on the publicity list): {0}</translation>
    </message>
    <message>
        <source>请选择导出文件夹。</source>
        <translation>Choose an export folder.</translation>
    </message>
    <message>
        <source>正在生成公示名单…</source>
        <translation>Writing the publicity list…</translation>
    </message>
    <message>
        <source>公示期 {0}：拟支持 {1} 项，合计 {2} 元；评审专家 {3}；汇总方法 {4}</source>
        <translation>Publicity period {0}: {1} applications, {2} yuan in total; experts {3}; method {4}</translation>
    </message>
    <message>
        <source>已重新评审</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <source>待答复</source>
        <translation>Awaiting answer</translation>
    </message>
    <message>
        <source>工作区中没有申报。</source>
        <translation>The workspace has no applications.</translation>
    </message>
    <message>
        <source>已登记异议 #{0}（{1}）。</source>
        <translation>Objection #{0} recorded ({1}).</translation>
    </message>
    <message>
        <source>请先选择一条异议。</source>
        <translation>Select an objection first.</translation>
    </message>
    <message>
        <source>异议 #{0}：{1}</source>
        <translation>Objection #{0}: {1}</translation>
    </message>
    <message>
        <source>；申报 {0} 已退回评审中</source>
        <translation>; application {0} is back under review</translation>
    </message>
</context>
<context>
    <name>RelabelDialog</name>
    <message>
        <source>更改文档类型</source>
        <translation>Change document kind</translation>
    </message>
    <message>
        <source>由 {0} 人工认定</source>
        <translation>set by {0}</translation>
    </message>
    <message>
        <source>审核人</source>
        <translation>a reviewer</translation>
    </message>
    <message>
        <source>识别置信度 {0}%；依据：{1}</source>
        <translation>recognised with {0}% confidence; by: {1}</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>材料：{0}
当前类型：{1}（{2}）

改为以下类型后，将按该类型重新读取此材料（扫描页将识别文字），并记住此文件的类型；随后重新检查与测算。</source>
        <translation>Document: {0}
Kind now: {1} ({2})

With the kind below the document is read again as that kind (scanned pages are recognised), the kind is remembered for this file, and the checks and the calculation run again.</translation>
    </message>
    <message>
        <source>文档类型</source>
        <translation>Document kind</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>综合意见（每个申报一份，组长签署）</source>
        <translation>Panel opinion (one per application, signed by the chair)</translation>
    </message>
    <message>
        <source>申报</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>申报(&amp;B)：</source>
        <translation>Application (&amp;B):</translation>
    </message>
    <message>
        <source>按专家多数意见</source>
        <translation>As the experts' majority</translation>
    </message>
    <message>
        <source>推荐</source>
        <translation>Recommend</translation>
    </message>
    <message>
        <source>修改后推荐</source>
        <translation>Recommend after changes</translation>
    </message>
    <message>
        <source>不推荐</source>
        <translation>Do not recommend</translation>
    </message>
    <message>
        <source>综合建议</source>
        <translation>Panel recommendation</translation>
    </message>
    <message>
        <source>综合建议(&amp;C)：</source>
        <translation>Re&amp;commendation:</translation>
    </message>
    <message>
        <source>默认：专家建议金额的中位数</source>
        <translation>Default: the median of the experts' amounts</translation>
    </message>
    <message>
        <source>建议金额（元）</source>
        <translation>Recommended amount (yuan)</translation>
    </message>
    <message>
        <source>建议金额（元）(&amp;M)：</source>
        <translation>A&amp;mount (yuan):</translation>
    </message>
    <message>
        <source>综合意见</source>
        <translation>Panel opinion</translation>
    </message>
    <message>
        <source>综合意见(&amp;T)：</source>
        <translation>Opinion &amp;text:</translation>
    </message>
    <message>
        <source>保存草稿(&amp;V)</source>
        <translation>Sa&amp;ve draft</translation>
    </message>
    <message>
        <source>草稿（不签名）</source>
        <translation>Draft (unsigned)</translation>
    </message>
    <message>
        <source>导出并签署(&amp;O)…</source>
        <translation>Export and sign (&amp;O)…</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>签署人</source>
        <translation>Signer</translation>
    </message>
    <message>
        <source>时间（北京时间）</source>
        <translation>Time (Beijing)</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>已导出的综合意见</source>
        <translation>Panel opinions written</translation>
    </message>
    <message>
        <source>已签署</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>草稿（未签名）</source>
        <translation>Draft (unsigned)</translation>
    </message>
    <message>
        <source>评审报告（每位成员签署）</source>
        <translation>Panel report (signed by every member)</translation>
    </message>
    <message>
        <source>评审报告文件</source>
        <translation>Panel report file</translation>
    </message>
    <message>
        <source>选择(&amp;W)…</source>
        <translation>Choose (&amp;W)…</translation>
    </message>
    <message>
        <source>报告文件(&amp;F)：</source>
        <translation>Report &amp;file:</translation>
    </message>
    <message>
        <source>覆盖已有文件</source>
        <translation>Overwrite existing files</translation>
    </message>
    <message>
        <source>生成评审报告(&amp;G)</source>
        <translation>&amp;Generate report</translation>
    </message>
    <message>
        <source>核验签名(&amp;Y)</source>
        <translation>Verif&amp;y signatures</translation>
    </message>
    <message>
        <source>同意则留空；持不同意见时写明意见和理由</source>
        <translation>Empty to agree; to dissent, write the dissent and its reasons</translation>
    </message>
    <message>
        <source>不同意见</source>
        <translation>Dissent</translation>
    </message>
    <message>
        <source>以本人身份签署(&amp;N)</source>
        <translation>Sig&amp;n as myself</translation>
    </message>
    <message>
        <source>不同意见(&amp;I)：</source>
        <translation>D&amp;issent:</translation>
    </message>
    <message>
        <source>成员</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>签署时间（北京时间）</source>
        <translation>Signed (Beijing time)</translation>
    </message>
    <message>
        <source>签名</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>证书</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>签署意见</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>签署情况</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <source>汇总方法（打印在报告上）：{0}</source>
        <translation>Combining method (printed on the report): {0}</translation>
    </message>
    <message>
        <source>尚无草稿：意见文字由各专家意见汇成，可修改后保存。</source>
        <translation>No draft yet: the text is composed from the experts' opinions; edit it and save.</translation>
    </message>
    <message>
        <source>草稿第 {0} 版（{1}）</source>
        <translation>Draft version {0} ({1})</translation>
    </message>
    <message>
        <source>已保存草稿第 {0} 版。</source>
        <translation>Saved draft version {0}.</translation>
    </message>
    <message>
        <source>导出综合意见</source>
        <translation>Export the panel opinion</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>正在生成综合意见…</source>
        <translation>Writing the panel opinion…</translation>
    </message>
    <message>
        <source>已签署（{0}）</source>
        <translation>Signed ({0})</translation>
    </message>
    <message>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>请填写报告文件。</source>
        <translation>Give the report file.</translation>
    </message>
    <message>
        <source>正在生成评审报告…</source>
        <translation>Writing the panel report…</translation>
    </message>
    <message>
        <source>已生成 {0}，待 {1} 签署；汇总方法：{2}</source>
        <translation>Wrote {0}, to be signed by {1}; method: {2}</translation>
    </message>
    <message>
        <source>不是评审报告</source>
        <translation>Not a panel report</translation>
    </message>
    <message>
        <source>每位成员都已签署，无需再签。</source>
        <translation>Every member has signed; nothing left to sign.</translation>
    </message>
    <message>
        <source>正在签署评审报告…</source>
        <translation>Signing the panel report…</translation>
    </message>
    <message>
        <source>{0} 已签署{1}。</source>
        <translation>{0} signed{1}.</translation>
    </message>
    <message>
        <source>（持不同意见）</source>
        <translation> (dissenting)</translation>
    </message>
    <message>
        <source>正在核验签名…</source>
        <translation>Verifying the signature…</translation>
    </message>
    <message>
        <source>尚未签署</source>
        <translation>Not signed yet</translation>
    </message>
    <message>
        <source>持不同意见</source>
        <translation>Dissents</translation>
    </message>
    <message>
        <source>已签署（同意）</source>
        <translation>Signed (agrees)</translation>
    </message>
    <message>
        <source>认证签名</source>
        <translation>Certification signature</translation>
    </message>
    <message>
        <source>（无效）</source>
        <translation> (invalid)</translation>
    </message>
    <message>
        <source>专家库登记的证书</source>
        <translation>registered in the pool</translation>
    </message>
    <message>
        <source>证书未经信任链验证，请核对指纹</source>
        <translation>certificate not chain-validated: compare the fingerprint</translation>
    </message>
    <message>
        <source>{0} 持不同意见：{1}</source>
        <translation>{0} dissents: {1}</translation>
    </message>
    <message>
        <source>有效</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>尚无签名</source>
        <translation>No signatures yet</translation>
    </message>
    <message>
        <source>无效</source>
        <translation>INVALID</translation>
    </message>
    <message>
        <source>{0}：已签署 {1}；持不同意见 {2}；尚未签署 {3}</source>
        <translation>{0}: signed {1}; dissenting {2}; not yet signed {3}</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>原因：{0}</source>
        <translation>Reason: {0}</translation>
    </message>
</context>
<context>
    <name>ReviewHistory</name>
    <message>
        <source>已撤销：{0}</source>
        <translation>Undone: {0}</translation>
    </message>
    <message>
        <source>已重做：{0}</source>
        <translation>Redone: {0}</translation>
    </message>
    <message>
        <source>撤销“{0}”未完成，撤销记录已清空</source>
        <translation>Undo of “{0}” did not complete; the undo history was cleared</translation>
    </message>
    <message>
        <source>重做“{0}”未完成，撤销记录已清空</source>
        <translation>Redo of “{0}” did not complete; the undo history was cleared</translation>
    </message>
</context>
<context>
    <name>ScoreSpin</name>
    <message>
        <source>未评分</source>
        <translation>not scored</translation>
    </message>
</context>
<context>
    <name>ScoringTab</name>
    <message>
        <source>（未选择）</source>
        <translation>(none chosen)</translation>
    </message>
    <message>
        <source>推荐</source>
        <translation>Recommend</translation>
    </message>
    <message>
        <source>不推荐</source>
        <translation>Do not recommend</translation>
    </message>
    <message>
        <source>修改后推荐</source>
        <translation>Recommend after changes</translation>
    </message>
    <message>
        <source>申报 {0}</source>
        <translation>Application {0}</translation>
    </message>
    <message>
        <source>载入评分表文件…</source>
        <translation>Load rubric file…</translation>
    </message>
    <message>
        <source>评审组可使用自己的评分表（TOML），须在评分之前载入</source>
        <translation>A panel can use its own rubric (TOML), loaded before scoring</translation>
    </message>
    <message>
        <source>重新载入</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>第一步：利益冲突声明</source>
        <translation>Step 1: conflict-of-interest declaration</translation>
    </message>
    <message>
        <source>声明无利益冲突</source>
        <translation>Declare no conflict of interest</translation>
    </message>
    <message>
        <source>存在利益冲突…</source>
        <translation>I have a conflict…</translation>
    </message>
    <message>
        <source>推荐意见</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <source>理由（推荐金额低于测算金额、不推荐或修改后推荐时必填）</source>
        <translation>Reason (required for a lower amount, 不推荐 or 修改后推荐)</translation>
    </message>
    <message>
        <source>意见</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <source>推荐金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>提交评审</source>
        <translation>Submit review</translation>
    </message>
    <message>
        <source>评审专家：{0}</source>
        <translation>Reviewer: {0}</translation>
    </message>
    <message>
        <source>未打开申报。</source>
        <translation>No application open.</translation>
    </message>
    <message>
        <source>（未设置：开始评审时将询问姓名与单位）</source>
        <translation>(not set: your name and organisation are asked when you start a review)</translation>
    </message>
    <message>
        <source>正在读取评分表…</source>
        <translation>Reading the scoring form…</translation>
    </message>
    <message>
        <source>注意：{0}。通过线 {1} 分（满分 100）。</source>
        <translation>Note: {0}. Pass threshold {1} of 100.</translation>
    </message>
    <message>
        <source>已保存（版本 {0}）</source>
        <translation>Saved (version {0})</translation>
    </message>
    <message>
        <source>评分之前，请就本申报的申报单位及其算力供给方声明是否存在利益冲突（投资、隶属、任职、亲属或其他利益关系）。声明之前评分表保持锁定。</source>
        <translation>Before scoring, declare whether you have a conflict of interest with the applicant or its compute supplier (investment, affiliation, employment, family or other ties). The form stays locked until you declare.</translation>
    </message>
    <message>
        <source>已声明存在利益冲突（{0}）：{1}
您须回避本项评审，评分表保持锁定。</source>
        <translation>Conflict declared ({0}): {1}
You are kept out of this review; the form stays locked.</translation>
    </message>
    <message>
        <source>北京时间</source>
        <translation>Beijing time</translation>
    </message>
    <message>
        <source>已声明（{0}）：{1}</source>
        <translation>Declared ({0}): {1}</translation>
    </message>
    <message>
        <source>尚有 {0} 项问题，不能提交</source>
        <translation>{0} problems left; cannot submit</translation>
    </message>
    <message>
        <source>请先声明利益冲突</source>
        <translation>Declare any conflict of interest first</translation>
    </message>
    <message>
        <source>推荐金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>评分</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <source>评语</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>有未保存的修改…</source>
        <translation>Unsaved changes…</translation>
    </message>
    <message>
        <source>推荐金额不是有效金额</source>
        <translation>The amount is not a valid amount</translation>
    </message>
    <message>
        <source>推荐金额 {0} 超过测算金额 {1}</source>
        <translation>The amount {0} exceeds the computed {1}</translation>
    </message>
    <message>
        <source>≤ 测算金额 {0}</source>
        <translation>≤ computed {0}</translation>
    </message>
    <message>
        <source>得分 {0}</source>
        <translation>points {0}</translation>
    </message>
    <message>
        <source>低于阈值</source>
        <translation>Below threshold</translation>
    </message>
    <message>
        <source>满分</source>
        <translation>Full marks</translation>
    </message>
    <message>
        <source>{0}：须填写评语（至少 {1} 字）</source>
        <translation>{0}: a comment is required (at least {1} characters)</translation>
    </message>
    <message>
        <source>达到通过线</source>
        <translation>passes</translation>
    </message>
    <message>
        <source>低于通过线</source>
        <translation>below the pass threshold</translation>
    </message>
    <message>
        <source>未评完</source>
        <translation>incomplete</translation>
    </message>
    <message>
        <source>加权总分 {0} / 100 · 通过线 {1} · {2}</source>
        <translation>Weighted total {0} / 100 · pass {1} · {2}</translation>
    </message>
    <message>
        <source>……另有 {0} 项</source>
        <translation>… and {0} more</translation>
    </message>
    <message>
        <source>声明不能再更改：{0}</source>
        <translation>The declaration can no longer be changed: {0}</translation>
    </message>
    <message>
        <source>请先填写评审专家的姓名与单位。</source>
        <translation>Enter the reviewer's name and organisation first.</translation>
    </message>
    <message>
        <source>未提交：尚有 {0} 项问题（见上方列表）</source>
        <translation>Not submitted: {0} problems left (see the list above)</translation>
    </message>
    <message>
        <source>即将提交对以下申报的评审：
{0}
评审专家：{1}

提交后不能再修改。确定提交吗？</source>
        <translation>You are about to submit the review of this application:
{0}
Reviewer: {1}

It cannot be changed after submission. Submit?</translation>
    </message>
    <message>
        <source>未保存：{0}</source>
        <translation>Not saved: {0}</translation>
    </message>
    <message>
        <source>未打开</source>
        <translation>Not open</translation>
    </message>
    <message>
        <source>待声明利益冲突</source>
        <translation>Awaiting the conflict-of-interest declaration</translation>
    </message>
    <message>
        <source>已回避</source>
        <translation>Recused</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>已提交（锁定）</source>
        <translation>Submitted (locked)</translation>
    </message>
    <message>
        <source>已签署（锁定）</source>
        <translation>Signed (locked)</translation>
    </message>
    <message>
        <source>已自动保存 {0}（版本 {1}）</source>
        <translation>Saved automatically {0} (version {1})</translation>
    </message>
    <message>
        <source>此评审已在别处被修改（另一窗口或命令行），您的修改未保存、也未覆盖对方。请点击“重新载入”查看最新内容后再修改。
{0}</source>
        <translation>This review was changed elsewhere (another window or the command line). Your change was not saved and did not overwrite theirs. Click Reload to see the latest version, then edit again.
{0}</translation>
    </message>
    <message>
        <source>未保存：版本冲突</source>
        <translation>Not saved: version conflict</translation>
    </message>
    <message>
        <source>声明利益冲突</source>
        <translation>Declare a conflict of interest</translation>
    </message>
    <message>
        <source>请写明与申报单位或其算力供给方的利益关系。
声明后您将回避本项评审，且不能撤回。</source>
        <translation>Describe your tie to the applicant or its compute supplier.
You will be kept out of this review; the declaration cannot be withdrawn.</translation>
    </message>
    <message>
        <source>未提交：{0}</source>
        <translation>Not submitted: {0}</translation>
    </message>
    <message>
        <source>已提交（版本 {0}），评审表已锁定；可签署评审意见。</source>
        <translation>Submitted (version {0}); the form is locked; the opinion can be signed.</translation>
    </message>
    <message>
        <source>载入评分表</source>
        <translation>Load rubric</translation>
    </message>
    <message>
        <source>评分表 (*.toml)</source>
        <translation>Rubrics (*.toml)</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>在文档中查找（不区分大小写）</source>
        <translation>Find in document (case-insensitive)</translation>
    </message>
    <message>
        <source>在文档中查找</source>
        <translation>Find in document</translation>
    </message>
    <message>
        <source>上一个</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>上一个匹配 (Shift+F3)</source>
        <translation>Previous match (Shift+F3)</translation>
    </message>
    <message>
        <source>下一个</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>下一个匹配 (F3)</source>
        <translation>Next match (F3)</translation>
    </message>
    <message>
        <source>关闭查找 (Esc)</source>
        <translation>Close search (Esc)</translation>
    </message>
    <message>
        <source>关闭查找</source>
        <translation>Close find</translation>
    </message>
    <message>
        <source>查找中…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>无匹配</source>
        <translation>No matches</translation>
    </message>
    <message>
        <source> …</source>
        <translation> …</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>评审专家或审核人员姓名</source>
        <translation>Name of the reviewer or official</translation>
    </message>
    <message>
        <source>姓名用于利益冲突声明、字段更正和审计日志。界面语言在重新启动后完全生效。</source>
        <translation>The name is used for declarations, corrections and the audit log. The language applies fully after a restart.</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>请填写姓名：它将写入利益冲突声明、评审意见和审计日志。</source>
        <translation>Enter your name: it goes into the conflict-of-interest declaration, the opinion and the audit log.</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>签署并导出评审意见</source>
        <translation>Sign and export the opinion</translation>
    </message>
    <message>
        <source>签名身份：</source>
        <translation>Signing identity:</translation>
    </message>
    <message>
        <source>评审专家</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>评审记录(&amp;R)：</source>
        <translation>&amp;Review record:</translation>
    </message>
    <message>
        <source>输出文件</source>
        <translation>Output file</translation>
    </message>
    <message>
        <source>浏览(&amp;B)…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>输出文件(&amp;O)：</source>
        <translation>&amp;Output file:</translation>
    </message>
    <message>
        <source>覆盖已有文件(&amp;W)</source>
        <translation>Over&amp;write existing files</translation>
    </message>
    <message>
        <source>签署并导出(&amp;S)</source>
        <translation>&amp;Sign and export</translation>
    </message>
    <message>
        <source>立即验证(&amp;V)</source>
        <translation>&amp;Verify now</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>尚无签名身份：请先在“设置 › 签名身份”中创建或导入。</source>
        <translation>No signing identity: create or import one in Settings › Signing identity first.</translation>
    </message>
    <message>
        <source>自签名</source>
        <translation>Self-signed</translation>
    </message>
    <message>
        <source>CA 签发</source>
        <translation>CA-issued</translation>
    </message>
    <message>
        <source>{0}{1} · {2} · {3} · 有效期至 {4}</source>
        <translation>{0}{1} · {2} · {3} · valid until {4}</translation>
    </message>
    <message>
        <source>申报</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>工作区中没有这个申报。</source>
        <translation>This application is not in the workspace.</translation>
    </message>
    <message>
        <source>这个申报还没有评审记录：请先完成评分。</source>
        <translation>This application has no review record yet: score it first.</translation>
    </message>
    <message>
        <source>证书姓名（{0}）与评审记录中的评审专家（{1}）不同。</source>
        <translation>The certificate's name ({0}) differs from the reviewer on the review record ({1}).</translation>
    </message>
    <message>
        <source>评审尚不能签署：{0}</source>
        <translation>The review cannot be signed yet: {0}</translation>
    </message>
    <message>
        <source>评审已完成，可以签署。</source>
        <translation>The review is complete and can be signed.</translation>
    </message>
    <message>
        <source>保存签名的评审意见</source>
        <translation>Save the signed opinion</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>请选择输出文件。</source>
        <translation>Choose an output file.</translation>
    </message>
    <message>
        <source>输出文件应以 .pdf 结尾。</source>
        <translation>The output file must end in .pdf.</translation>
    </message>
    <message>
        <source>输出位置是一个文件夹：{0}</source>
        <translation>The output location is a folder: {0}</translation>
    </message>
    <message>
        <source>文件已存在，未覆盖：{0}
如需替换，请勾选“覆盖已有文件”。</source>
        <translation>The file exists and was not overwritten: {0}
Tick “Overwrite existing files” to replace it.</translation>
    </message>
    <message>
        <source>已签署并导出：{0}</source>
        <translation>Signed and exported: {0}</translation>
    </message>
    <message>
        <source>签名人：{0}</source>
        <translation>Signer: {0}</translation>
    </message>
    <message>
        <source>注意：{0}</source>
        <translation>Note: {0}</translation>
    </message>
    <message>
        <source>完成。</source>
        <translation>Done.</translation>
    </message>
    <message>
        <source>已签署：{0}</source>
        <translation>Signed: {0}</translation>
    </message>
    <message>
        <source>未签署：{0}</source>
        <translation>Not signed: {0}</translation>
    </message>
    <message>
        <source>已取消，未签署。</source>
        <translation>Cancelled; nothing signed.</translation>
    </message>
</context>
<context>
    <name>Signing</name>
    <message>
        <source>密钥口令</source>
        <translation>Key passphrase</translation>
    </message>
</context>
<context>
    <name>SigningActions</name>
    <message>
        <source>签署并导出评审意见…</source>
        <translation>Sign and export opinion…</translation>
    </message>
    <message>
        <source>验证签名文件…</source>
        <translation>Verify signed file…</translation>
    </message>
    <message>
        <source>签名身份…</source>
        <translation>Signing identity…</translation>
    </message>
    <message>
        <source>评审组汇总…</source>
        <translation>Panel summary…</translation>
    </message>
    <message>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>评审组(&amp;P)</source>
        <translation>&amp;Panel</translation>
    </message>
    <message>
        <source>请先在左侧选择一份申报</source>
        <translation>Choose an application on the left first</translation>
    </message>
    <message>
        <source>签名身份</source>
        <translation>Signing identity</translation>
    </message>
    <message>
        <source>请先打开工作区</source>
        <translation>Open a workspace first</translation>
    </message>
</context>
<context>
    <name>SigningWorkers</name>
    <message>
        <source>正在生成 RSA-3072 密钥…</source>
        <translation>Generating an RSA-3072 key…</translation>
    </message>
    <message>
        <source>正在打开密钥文件…</source>
        <translation>Opening the key file…</translation>
    </message>
    <message>
        <source>正在解锁签名密钥…</source>
        <translation>Unlocking the signing key…</translation>
    </message>
    <message>
        <source>正在生成意见表并签名…</source>
        <translation>Building and signing the opinion…</translation>
    </message>
    <message>
        <source>正在核验签名…</source>
        <translation>Verifying the signature…</translation>
    </message>
    <message>
        <source>正在核验并导入意见…</source>
        <translation>Verifying and importing opinions…</translation>
    </message>
    <message>
        <source>正在生成并签署汇总表…</source>
        <translation>Building and signing the summary…</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>算力券申报审核工作台</source>
        <translation>Computing-voucher review desk</translation>
    </message>
    <message>
        <source>请先新建或打开一个工作区。工作区是一个文件夹，保存导入的申报材料、检查结果、评审记录和审计日志。</source>
        <translation>Start by creating or opening a workspace: a folder that keeps the imported applications, the check results, the reviews and the audit log.</translation>
    </message>
    <message>
        <source>新建工作区(&amp;N)…</source>
        <translation>&amp;New workspace…</translation>
    </message>
    <message>
        <source>打开工作区(&amp;O)…</source>
        <translation>&amp;Open workspace…</translation>
    </message>
    <message>
        <source>生成演示工作区(&amp;D)…</source>
        <translation>Build &amp;demo workspace…</translation>
    </message>
    <message>
        <source>选择一个空文件夹（或在对话框中新建文件夹），在其中创建工作区。</source>
        <translation>Choose an empty folder (or make one in the dialog) to create the workspace in.</translation>
    </message>
    <message>
        <source>打开已有的工作区文件夹。</source>
        <translation>Open an existing workspace folder.</translation>
    </message>
    <message>
        <source>生成五项政策的 16 份演示申报（其中一部分有问题），导入并完成初审，约需一分钟。</source>
        <translation>Generate 16 demo applications under the five policies (some with flaws), import them and run the initial review; about a minute.</translation>
    </message>
    <message>
        <source>演示工作区生成进度</source>
        <translation>Demo workspace progress</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>在这里新建工作区</source>
        <translation>Create a workspace here</translation>
    </message>
    <message>
        <source>最近使用的工作区(&amp;R)</source>
        <translation>&amp;Recent workspaces</translation>
    </message>
    <message>
        <source>最近使用的工作区</source>
        <translation>Recent workspaces</translation>
    </message>
    <message>
        <source>还没有打开过工作区。</source>
        <translation>No workspace opened yet.</translation>
    </message>
    <message>
        <source>选择或新建一个空文件夹作为工作区</source>
        <translation>Choose or make an empty folder for the workspace</translation>
    </message>
    <message>
        <source>打开工作区</source>
        <translation>Open workspace</translation>
    </message>
    <message>
        <source>“{0}”是空文件夹，还不是工作区。要在这里新建一个工作区吗？</source>
        <translation>“{0}” is an empty folder, not a workspace yet. Create a workspace here?</translation>
    </message>
    <message>
        <source>选择一个空文件夹，用来生成演示工作区</source>
        <translation>Choose an empty folder for the demo workspace</translation>
    </message>
    <message>
        <source>正在生成演示申报包…</source>
        <translation>Generating the demo packages…</translation>
    </message>
    <message>
        <source>未能生成演示工作区：{0}</source>
        <translation>Could not build the demo workspace: {0}</translation>
    </message>
    <message>
        <source>已取消生成演示工作区。已导入的申报保留在“{0}”中，可以打开它，或在同一文件夹中再次生成以补全。</source>
        <translation>Demo workspace cancelled. The applications imported so far stay in “{0}”: open it, or build again in the same folder to complete it.</translation>
    </message>
    <message>
        <source>正在导入 {0}…</source>
        <translation>Importing {0}…</translation>
    </message>
    <message>
        <source>正在初审检查 {0}…</source>
        <translation>Checking {0}…</translation>
    </message>
    <message>
        <source>正在生成演示评审组…</source>
        <translation>Building the demo panel…</translation>
    </message>
    <message>
        <source>即将完成…</source>
        <translation>Almost done…</translation>
    </message>
    <message>
        <source>正在取消（当前这份申报导入完后停止）…</source>
        <translation>Cancelling (stops once the current package is imported)…</translation>
    </message>
</context>
<context>
    <name>StatusMoveDialog</name>
    <message>
        <source>更改申报状态</source>
        <translation>Change the application's status</translation>
    </message>
    <message>
        <source>申报 {0} · {1} · {2}</source>
        <translation>Application {0} · {1} · {2}</translation>
    </message>
    <message>
        <source>当前状态：</source>
        <translation>Current status:</translation>
    </message>
    <message>
        <source>新状态</source>
        <translation>New status</translation>
    </message>
    <message>
        <source>转为(&amp;T)：</source>
        <translation>Move &amp;to:</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>写明理由，记入审计日志（必填）</source>
        <translation>The reason, kept in the audit log (required)</translation>
    </message>
    <message>
        <source>理由(&amp;R)：</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Done by</translation>
    </message>
    <message>
        <source>经办人(&amp;B)：</source>
        <translation>Done &amp;by:</translation>
    </message>
    <message>
        <source>越过上述问题，按理由转为该状态(&amp;O)</source>
        <translation>&amp;Override the above and move for the reason given</translation>
    </message>
    <message>
        <source>确认更改(&amp;M)</source>
        <translation>&amp;Move</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>“{0}”是终态，不能再更改。</source>
        <translation>“{0}” is final; it cannot change.</translation>
    </message>
    <message>
        <source>可以转为“{0}”。</source>
        <translation>Can move to “{0}”.</translation>
    </message>
    <message>
        <source>未更改：{0}</source>
        <translation>Not changed: {0}</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <source>导出初审汇总表</source>
        <translation>Export the preliminary review summary</translation>
    </message>
    <message>
        <source>列入状态：</source>
        <translation>Statuses included:</translation>
    </message>
    <message>
        <source>初审人</source>
        <translation>Reviewed by</translation>
    </message>
    <message>
        <source>初审人(&amp;P)：</source>
        <translation>Reviewed by (&amp;P):</translation>
    </message>
    <message>
        <source>发文机关</source>
        <translation>Issuing office</translation>
    </message>
    <message>
        <source>机关(&amp;G)：</source>
        <translation>Office (&amp;G):</translation>
    </message>
    <message>
        <source>输出文件夹</source>
        <translation>Output folder</translation>
    </message>
    <message>
        <source>浏览(&amp;B)…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>输出文件夹(&amp;O)：</source>
        <translation>&amp;Output folder:</translation>
    </message>
    <message>
        <source>不签名，只生成草稿(&amp;N)</source>
        <translation>Do &amp;not sign; write a draft</translation>
    </message>
    <message>
        <source>导出(&amp;E)</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>打开 XLSX(&amp;X)</source>
        <translation>Open XLS&amp;X</translation>
    </message>
    <message>
        <source>打开 PDF(&amp;F)</source>
        <translation>Open PD&amp;F</translation>
    </message>
    <message>
        <source>打开文件夹(&amp;L)</source>
        <translation>Open fo&amp;lder</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>将列入 {0} 份申报。</source>
        <translation>{0} applications will be listed.</translation>
    </message>
    <message>
        <source>请填写初审人和机关。</source>
        <translation>Enter who reviewed and the office.</translation>
    </message>
    <message>
        <source>未导出：{0}</source>
        <translation>Not exported: {0}</translation>
    </message>
    <message>
        <source>已取消。</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>已签名</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>草稿，未签名</source>
        <translation>draft, not signed</translation>
    </message>
    <message>
        <source>已导出 {0} 份申报（{1}）：
{2}
{3}</source>
        <translation>Exported {0} applications ({1}):
{2}
{3}</translation>
    </message>
</context>
<context>
    <name>SupplementReportDialog</name>
    <message>
        <source>补正导入结果</source>
        <translation>Supplement import result</translation>
    </message>
    <message>
        <source>补正结果</source>
        <translation>Supplement result</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>申报 {0}：此补正包已导入过（第 {1} 版），未重复导入。</source>
        <translation>Application {0}: this supplement was imported before (version {1}); not imported again.</translation>
    </message>
    <message>
        <source>申报 {0}：补正材料已导入为第 {1} 版，原件保留</source>
        <translation>Application {0}: supplement imported as version {1}; the originals are kept</translation>
    </message>
    <message>
        <source>新增 {0} 个文件，替换 {1} 个，未变 {2} 个，拒收 {3} 个；已解决问题 {4} 项，仍存在 {5} 项（其中阻断 {6} 项），新出现 {7} 项。测算补贴：{8} → {9} 元。</source>
        <translation>{0} files added, {1} replaced, {2} unchanged, {3} refused; {4} findings closed, {5} remaining ({6} blocking), {7} new. Computed subsidy: {8} → {9} yuan.</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>+ 新增</source>
        <translation>+ added</translation>
    </message>
    <message>
        <source>~ 替换</source>
        <translation>~ replaced</translation>
    </message>
    <message>
        <source>{0} → {1}（原件保留）</source>
        <translation>{0} → {1} (original kept)</translation>
    </message>
    <message>
        <source>= 未变</source>
        <translation>= unchanged</translation>
    </message>
    <message>
        <source>! 拒收</source>
        <translation>! refused</translation>
    </message>
    <message>
        <source>补正已解决的问题</source>
        <translation>Findings closed by the supplement</translation>
    </message>
    <message>
        <source>仍存在的问题</source>
        <translation>Findings remaining</translation>
    </message>
    <message>
        <source>补正后新出现的问题</source>
        <translation>Findings new since the supplement</translation>
    </message>
</context>
<context>
    <name>VerifyWindow</name>
    <message>
        <source>验证签名的评审意见</source>
        <translation>Verify a signed review opinion</translation>
    </message>
    <message>
        <source>将签名的评审意见 PDF 拖放到此处
（可同时拖入申报材料文件夹或 .zip，以核对材料的 SHA-256）</source>
        <translation>Drop a signed opinion PDF here
(with the application's folder or .zip to check the materials' SHA-256)</translation>
    </message>
    <message>
        <source>打开 PDF(&amp;O)…</source>
        <translation>&amp;Open PDF…</translation>
    </message>
    <message>
        <source>意见表文件</source>
        <translation>Opinion file</translation>
    </message>
    <message>
        <source>尚未选择文件</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <source>申报材料</source>
        <translation>Application materials</translation>
    </message>
    <message>
        <source>不核对申报材料（可选）</source>
        <translation>Do not check the application materials (optional)</translation>
    </message>
    <message>
        <source>材料文件夹(&amp;F)…</source>
        <translation>Materials &amp;folder…</translation>
    </message>
    <message>
        <source>材料 zip(&amp;Z)…</source>
        <translation>Materials &amp;zip…</translation>
    </message>
    <message>
        <source>不核对材料(&amp;N)</source>
        <translation>Do &amp;not check materials</translation>
    </message>
    <message>
        <source>申报材料：</source>
        <translation>Application materials:</translation>
    </message>
    <message>
        <source>签名人(&amp;1)</source>
        <translation>Signer (&amp;1)</translation>
    </message>
    <message>
        <source>材料</source>
        <translation>Docs</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>核对</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>材料清单(&amp;2)</source>
        <translation>Materials (&amp;2)</translation>
    </message>
    <message>
        <source>评分项</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>权重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>意见</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <source>评审摘要(&amp;3)</source>
        <translation>Review summary (&amp;3)</translation>
    </message>
    <message>
        <source>选择签名的评审意见</source>
        <translation>Choose a signed opinion</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf);;所有文件 (*)</source>
        <translation>PDF files (*.pdf);;All files (*)</translation>
    </message>
    <message>
        <source>选择申报材料文件夹</source>
        <translation>Choose the materials folder</translation>
    </message>
    <message>
        <source>选择申报材料 zip</source>
        <translation>Choose the materials zip</translation>
    </message>
    <message>
        <source>zip 压缩包 (*.zip)</source>
        <translation>Zip archives (*.zip)</translation>
    </message>
    <message>
        <source>一次只验证一个 PDF；已忽略：{0}</source>
        <translation>One PDF is verified at a time; ignored: {0}</translation>
    </message>
    <message>
        <source>无法核验</source>
        <translation>Cannot verify</translation>
    </message>
    <message>
        <source>签名有效</source>
        <translation>Signature valid</translation>
    </message>
    <message>
        <source>签名无效</source>
        <translation>Signature invalid</translation>
    </message>
    <message>
        <source>注意：{0}</source>
        <translation>Note: {0}</translation>
    </message>
    <message>
        <source>受信任</source>
        <translation>Trusted</translation>
    </message>
    <message>
        <source>自签名证书（未经信任链验证，请与评审专家登记的指纹核对）</source>
        <translation>Self-signed certificate (no chain of trust: compare with the fingerprint the reviewer registered)</translation>
    </message>
    <message>
        <source>未受信任</source>
        <translation>Not trusted</translation>
    </message>
    <message>
        <source>签名人</source>
        <translation>Signer</translation>
    </message>
    <message>
        <source>证书主体</source>
        <translation>Certificate subject</translation>
    </message>
    <message>
        <source>证书 SHA-256</source>
        <translation>Certificate SHA-256</translation>
    </message>
    <message>
        <source>信任</source>
        <translation>Trust</translation>
    </message>
    <message>
        <source>签署时间</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <source>覆盖范围</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <source>签名后修改</source>
        <translation>Changes after signing</translation>
    </message>
    <message>
        <source>一致</source>
        <translation>Matches</translation>
    </message>
    <message>
        <source>已改动</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>缺失</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>申报材料核对：{0} 一致，{1} 改动，{2} 缺失</source>
        <translation>Materials check: {0} match, {1} changed, {2} missing</translation>
    </message>
    <message>
        <source>签名无效：以下内容未经验证，不能作为评审依据，仅供核对。</source>
        <translation>Signature invalid: what follows is unverified, cannot be relied on for the review, and is shown for checking only.</translation>
    </message>
    <message>
        <source>文件中没有可读的评审数据。</source>
        <translation>The file has no readable review data.</translation>
    </message>
    <message>
        <source>意见类型</source>
        <translation>Opinion type</translation>
    </message>
    <message>
        <source>申报编号</source>
        <translation>Application ID</translation>
    </message>
    <message>
        <source>申报单位</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>政策</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>评审专家</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>评审日期</source>
        <translation>Review date</translation>
    </message>
    <message>
        <source>总分</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>评审意见</source>
        <translation>Review opinion</translation>
    </message>
    <message>
        <source>测算金额</source>
        <translation>Computed amount</translation>
    </message>
    <message>
        <source>建议金额</source>
        <translation>Recommended amount</translation>
    </message>
    <message>
        <source>利益冲突声明</source>
        <translation>Conflict-of-interest declaration</translation>
    </message>
    <message>
        <source>已声明无利益冲突</source>
        <translation>No conflict of interest declared</translation>
    </message>
    <message>
        <source>未声明或存在冲突</source>
        <translation>Not declared or in conflict</translation>
    </message>
    <message>
        <source>评审结果汇总表：签名有效</source>
        <translation>Results summary: signature valid</translation>
    </message>
    <message>
        <source>评审结果汇总表：签名无效</source>
        <translation>Results summary: signature invalid</translation>
    </message>
    <message>
        <source>资金池</source>
        <translation>Fund pool</translation>
    </message>
    <message>
        <source>分数线</source>
        <translation>Cut-off</translation>
    </message>
    <message>
        <source>正选</source>
        <translation>Main list</translation>
    </message>
    <message>
        <source>备选</source>
        <translation>Reserve</translation>
    </message>
    <message>
        <source>拨付合计</source>
        <translation>Total granted</translation>
    </message>
    <message>
        <source>签名范围内的内容与签名不符</source>
        <translation>the signed content does not match the signature</translation>
    </message>
    <message>
        <source>整个文件</source>
        <translation>Whole file</translation>
    </message>
    <message>
        <source>签名时的版本（之后有追加）</source>
        <translation>The signed version (with later additions)</translation>
    </message>
    <message>
        <source>文件开头的一部分</source>
        <translation>A leading part of the file</translation>
    </message>
    <message>
        <source>签名后内容被改动（摘要不符）</source>
        <translation>content changed after signing (digest mismatch)</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>填写了表单或追加了签名</source>
        <translation>form filled or another signature added</translation>
    </message>
    <message>
        <source>签名后文件被修改</source>
        <translation>file modified after signing</translation>
    </message>
    <message>
        <source>追加了验证信息</source>
        <translation>appended validation data</translation>
    </message>
    <message>
        <source>添加了批注</source>
        <translation>added annotations</translation>
    </message>
    <message>
        <source>修改了页面或文档结构</source>
        <translation>changed pages or the document structure</translation>
    </message>
</context>
<context>
    <name>ViewerPane</name>
    <message>
        <source>选择材料</source>
        <translation>Choose a document</translation>
    </message>
    <message>
        <source>页码</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>适合页面</source>
        <translation>Fit page</translation>
    </message>
    <message>
        <source>缩放</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>缩放（Ctrl+滚轮，Ctrl+加号/减号，Ctrl+0 适合宽度）</source>
        <translation>Zoom (Ctrl+wheel, Ctrl+plus/minus, Ctrl+0 fit width)</translation>
    </message>
    <message>
        <source>缩小 (Ctrl+-)</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <source>放大 (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <source>顺时针旋转 90°</source>
        <translation>Rotate 90° clockwise</translation>
    </message>
    <message>
        <source>缩略图</source>
        <translation>Thumbnails</translation>
    </message>
    <message>
        <source>显示/隐藏页面缩略图</source>
        <translation>Show/hide page thumbnails</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>查找 (Ctrl+F)</source>
        <translation>Find (Ctrl+F)</translation>
    </message>
    <message>
        <source>文档页面</source>
        <translation>Document pages</translation>
    </message>
    <message>
        <source>请选择要查看的材料。</source>
        <translation>Choose a document to view.</translation>
    </message>
    <message>
        <source>请从上方列表选择一份材料。</source>
        <translation>Choose a document from the list above.</translation>
    </message>
    <message>
        <source>该申报没有材料。</source>
        <translation>This application has no documents.</translation>
    </message>
    <message>
        <source>导入时无法读取</source>
        <translation>unreadable at import</translation>
    </message>
    <message>
        <source>无法显示“{0}”：{1}</source>
        <translation>Cannot show “{0}”: {1}</translation>
    </message>
    <message>
        <source>找不到“{0}”的文件：{1}</source>
        <translation>File of “{0}” not found: {1}</translation>
    </message>
    <message>
        <source>正在打开“{0}”…</source>
        <translation>Opening “{0}”…</translation>
    </message>
    <message>
        <source>正在打开</source>
        <translation>Opening</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <source>备注(&amp;N)</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>工作概况(&amp;B)</source>
        <translation>Overview (&amp;B)</translation>
    </message>
    <message>
        <source>审计日志(&amp;A)…</source>
        <translation>&amp;Audit log…</translation>
    </message>
    <message>
        <source>输出文件与打印(&amp;P)…</source>
        <translation>Output files and &amp;printing…</translation>
    </message>
    <message>
        <source>本申报的评审意见与通知书：打开、打开所在文件夹、打印 (Ctrl+P)</source>
        <translation>This application's opinions and notices: open, open the folder, print (Ctrl+P)</translation>
    </message>
    <message>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>请先在左侧选择一份申报</source>
        <translation>Choose an application on the left first</translation>
    </message>
    <message>
        <source>工作概况</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>请先打开工作区</source>
        <translation>Open a workspace first</translation>
    </message>
</context>
<context>
    <name>WorkspaceOpening</name>
    <message>
        <source>正在载入数据库组件…</source>
        <translation>Loading the database components…</translation>
    </message>
    <message>
        <source>正在打开并检查工作区数据库…</source>
        <translation>Opening and checking the workspace database…</translation>
    </message>
    <message>
        <source>正在读取申报列表…</source>
        <translation>Reading the list of applications…</translation>
    </message>
    <message>
        <source>正在打开工作区…</source>
        <translation>Opening the workspace…</translation>
    </message>
    <message>
        <source>打开工作区的进度</source>
        <translation>Progress of opening the workspace</translation>
    </message>
    <message>
        <source>工作区中没有申报 {0}</source>
        <translation>There is no application {0} in the workspace</translation>
    </message>
    <message>
        <source>未能打开工作区“{0}”：
{1}</source>
        <translation>Could not open the workspace “{0}”:
{1}</translation>
    </message>
    <message>
        <source>未能打开工作区</source>
        <translation>Could not open the workspace</translation>
    </message>
</context>
<context>
    <name>page</name>
    <message>
        <source>新建工作区…</source>
        <translation>New workspace…</translation>
    </message>
    <message>
        <source>生成演示工作区…</source>
        <translation>Build demo workspace…</translation>
    </message>
    <message>
        <source>关闭工作区</source>
        <translation>Close workspace</translation>
    </message>
</context>
</TS>