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
        <source>未打开申报。</source>
        <translation>No application open.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; {1}&lt;br&gt;测算补贴 &lt;b&gt;{2}&lt;/b&gt; · 阻断问题 &lt;b&gt;{3}&lt;/b&gt; 项 · 缺少材料 &lt;b&gt;{4}&lt;/b&gt; 项</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; {1}&lt;br&gt;Subsidy &lt;b&gt;{2}&lt;/b&gt; · blocking findings &lt;b&gt;{3}&lt;/b&gt; · missing materials &lt;b&gt;{4}&lt;/b&gt;</translation>
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
        <source>{0}（更正；原提取：{1}）</source>
        <translation>{0} (corrected; extracted: {1})</translation>
    </message>
    <message>
        <source>{0}（OCR，置信度 {1}%）</source>
        <translation>{0} (OCR, confidence {1}%)</translation>
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
        <translation>Not finished: {0}</translation>
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
        <source>尚未打开工作区。

请用「文件 › 打开工作区…」选择一个工作区文件夹，或在命令行运行 slq-desk demo-workspace 目录 生成演示工作区。</source>
        <translation>No workspace open.

Choose a workspace folder with File › Open workspace…, or run slq-desk demo-workspace FOLDER to build a demo workspace.</translation>
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
        <source>工作区中还没有申报材料。

导入申报包（文件夹或 .zip）后，申报会出现在这里；也可以运行 slq-desk demo-workspace 目录 生成一个演示工作区。</source>
        <translation>The workspace has no applications yet.

Import a package (folder or .zip) and it appears here; or run slq-desk demo-workspace FOLDER to build a demo workspace.</translation>
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
        <source>“{0}”不是 slq-desk 工作区（没有 {1}）。</source>
        <translation>“{0}” is not an slq-desk workspace (no {1}).</translation>
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
        <source>已更正字段并重新检查与测算</source>
        <translation>Field corrected; checks and calculation re-run</translation>
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
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>追加了验证信息</source>
        <translation>appended validation data</translation>
    </message>
    <message>
        <source>填写了表单</source>
        <translation>filled in form fields</translation>
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
</TS>