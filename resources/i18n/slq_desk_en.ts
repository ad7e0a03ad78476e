<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ApplicationListModel</name>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="35" />
        <source>待初审</source>
        <translation>To check</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="36" />
        <source>初审中</source>
        <translation>Checking</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="37" />
        <source>待评审</source>
        <translation>To review</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="38" />
        <source>评审中</source>
        <translation>Reviewing</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="39" />
        <source>已评审</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="40" />
        <source>已签署</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="42" />
        <source>补正中</source>
        <translation>Awaiting corrections</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="43" />
        <source>初审通过</source>
        <translation>Check passed</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="44" />
        <source>初审不通过</source>
        <translation>Check failed</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="46" />
        <source>公示中</source>
        <translation>Published for comment</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="47" />
        <source>已兑付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="48" />
        <source>撤销</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="60" />
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="60" />
        <source>政策</source>
        <translation>Policy</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="60" />
        <source>申报单位</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="60" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="61" />
        <source>测算补贴</source>
        <translation>Subsidy</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="61" />
        <source>阻断</source>
        <translation>Blocks</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="61" />
        <source>材料</source>
        <translation>Docs</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="103" />
        <source>阻断问题 {0} 项</source>
        <translation>{0} blocking findings</translation>
    </message>
</context>
<context>
    <name>CalculationTab</name>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/calculation_tab.py" line="68" />
        <source>复制说明</source>
        <translation>Copy text</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/calculation_tab.py" line="66" />
        <location filename="../../slq_desk/ui/review_tabs/calculation_tab.py" line="71" />
        <source>测算说明（可直接宣读）</source>
        <translation>Explanation (can be read aloud)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/calculation_tab.py" line="73" />
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/calculation_tab.py" line="73" />
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/calculation_tab.py" line="73" />
        <source>条款</source>
        <translation>Article</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/calculation_tab.py" line="82" />
        <source>政策</source>
        <translation>Policy</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/calculation_tab.py" line="82" />
        <source>符合</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/calculation_tab.py" line="82" />
        <source>计补基数</source>
        <translation>Base</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/calculation_tab.py" line="82" />
        <source>补贴金额</source>
        <translation>Subsidy</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/calculation_tab.py" line="82" />
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/calculation_tab.py" line="88" />
        <source>同一申报读出的事实在五项政策下分别测算，仅供比较；各地材料与认定口径不同，以本申报适用政策为准。</source>
        <translation>The facts read from this application computed under each of the five policies, for comparison only; materials and rules differ by region, the application's own policy decides.</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/calculation_tab.py" line="75" />
        <location filename="../../slq_desk/ui/review_tabs/calculation_tab.py" line="97" />
        <source>计算步骤</source>
        <translation>Calculation steps</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/calculation_tab.py" line="84" />
        <location filename="../../slq_desk/ui/review_tabs/calculation_tab.py" line="100" />
        <source>五项政策对照</source>
        <translation>The five policies side by side</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/calculation_tab.py" line="109" />
        <source>未打开申报。</source>
        <translation>No application open.</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/calculation_tab.py" line="115" />
        <source>尚无测算结果</source>
        <translation>No calculation yet</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/calculation_tab.py" line="117" />
        <source>测算补贴 {0} 元（不符合补贴条件）</source>
        <translation>Subsidy {0} yuan (not eligible)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/calculation_tab.py" line="119" />
        <source>测算补贴 {0} 元</source>
        <translation>Subsidy {0} yuan</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/calculation_tab.py" line="120" />
        <source>计补基数 {0} 元</source>
        <translation>base {0} yuan</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/calculation_tab.py" line="129" />
        <source>引用条款：{0}</source>
        <translation>Articles cited: {0}</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/calculation_tab.py" line="134" />
        <source>（本申报）</source>
        <translation> (this application)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/calculation_tab.py" line="136" />
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/calculation_tab.py" line="136" />
        <source>否</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>ChecklistTab</name>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="40" />
        <source>阻断</source>
        <translation>Blocking</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="40" />
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="41" />
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="59" />
        <source>筛选字段或问题…</source>
        <translation>Filter fields or findings…</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="61" />
        <source>筛选字段或问题</source>
        <translation>Filter fields or findings</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="65" />
        <source>检查清单</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="67" />
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="67" />
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="67" />
        <source>页</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="79" />
        <source>更正字段值…</source>
        <translation>Correct value…</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="80" />
        <source>更正所选字段的值；原提取值保留 (F2)</source>
        <translation>Correct the selected field; the extracted value is kept (F2)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="82" />
        <source>撤回更正</source>
        <translation>Withdraw correction</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="106" />
        <source>未打开申报。</source>
        <translation>No application open.</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="113" />
        <source>&lt;b&gt;{0}&lt;/b&gt; {1}&lt;br&gt;测算补贴 &lt;b&gt;{2}&lt;/b&gt; 元 · 阻断问题 &lt;b&gt;{3}&lt;/b&gt; 项 · 缺少材料 &lt;b&gt;{4}&lt;/b&gt; 项</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; {1}&lt;br&gt;Subsidy &lt;b&gt;{2}&lt;/b&gt; yuan · blocking findings &lt;b&gt;{3}&lt;/b&gt; · missing materials &lt;b&gt;{4}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="116" />
        <source>材料（{0} 项，缺 {1} 项）</source>
        <translation>Materials ({0}, {1} missing)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="119" />
        <source>✘ 缺少</source>
        <translation>✘ missing</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="119" />
        <source>✔ 已提交：{0}</source>
        <translation>✔ submitted: {0}</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="126" />
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="182" />
        <source>条款：{0}</source>
        <translation>Article: {0}</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="129" />
        <source>无法列出材料</source>
        <translation>Cannot list materials</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="131" />
        <source>发现问题（{0} 项）</source>
        <translation>Findings ({0})</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="143" />
        <source>未发现问题</source>
        <translation>No findings</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="145" />
        <source>提取字段（{0} 份材料）</source>
        <translation>Extracted fields ({0} documents)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="155" />
        <source>明细第 {0} 行</source>
        <translation>Line {0}</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="184" />
        <source>材料：{0}</source>
        <translation>Document: {0}</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="194" />
        <source>{0}（更正；原提取：{1}）</source>
        <translation>{0} (corrected; extracted: {1})</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="197" />
        <source>{0}（OCR，置信度 {1}%）</source>
        <translation>{0} (OCR, confidence {1}%)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="202" />
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
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="205" />
        <source>由 OCR 从扫描页读出，置信度 {0}%，请对照原件核对</source>
        <translation>Read by OCR from a scanned page, confidence {0}%; check it against the original</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="245" />
        <source>更正字段值</source>
        <translation>Correct field value</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="246" />
        <source>字段 {0}
原提取值：{1}

更正为（原值保留，更正人和时间将记录在审计日志中）：</source>
        <translation>Field {0}
Extracted value: {1}

Correct to (the extracted value is kept; who and when go into the audit log):</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/checklist_tab.py" line="257" />
        <source>正在重新检查与测算…</source>
        <translation>Re-running checks and calculation…</translation>
    </message>
</context>
<context>
    <name>CriterionBox</name>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="179" />
        <source>{0}（权重 {1}%）</source>
        <translation>{0} (weight {1}%)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="184" />
        <source>条款：{0}</source>
        <translation>Article: {0}</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="187" />
        <source>{0} 评分</source>
        <translation>{0} score</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="188" />
        <source>/ {0} 分 · 步长 {1} · 阈值 {2}</source>
        <translation>/ {0} points · step {1} · threshold {2}</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="195" />
        <source>评分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="203" />
        <source>{0} 评语</source>
        <translation>{0} comment</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="204" />
        <source>评语（低于阈值或满分时必填）</source>
        <translation>Comment (required below the threshold or at full marks)</translation>
    </message>
</context>
<context>
    <name>DocumentPicker</name>
    <message>
        <location filename="../../slq_desk/ui/viewer/document_picker.py" line="31" />
        <source>（未打开申报）</source>
        <translation>(no application open)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/document_picker.py" line="44" />
        <source>（无法读取）</source>
        <translation>(unreadable)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="99" />
        <location filename="../../slq_desk/ui/main_window.py" line="351" />
        <source>算力券申报审核工作台</source>
        <translation>Computing-voucher review desk</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="125" />
        <source>就绪</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="172" />
        <source>搜索编号、申报单位、政策 (Ctrl+K)</source>
        <translation>Search ID, applicant, policy (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="179" />
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="139" />
        <location filename="../../slq_desk/ui/main_window.py" line="196" />
        <source>申报列表</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="208" />
        <source>检查清单、评分表和补贴测算将显示在这里。
请先在左侧打开一份申报。</source>
        <translation>The checklist, scoring form and calculation appear here.
Open an application on the left first.</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="205" />
        <location filename="../../slq_desk/ui/main_window.py" line="216" />
        <source>检查清单 / 评分 / 测算</source>
        <translation>Checklist / Scoring / Calculation</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="233" />
        <location filename="../../slq_desk/ui/main_window.py" line="281" />
        <source>检查清单</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="234" />
        <location filename="../../slq_desk/ui/main_window.py" line="281" />
        <source>评分</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="235" />
        <location filename="../../slq_desk/ui/main_window.py" line="281" />
        <source>测算</source>
        <translation>Calculation</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="238" />
        <source>同步滚动</source>
        <translation>Sync scrolling</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="241" />
        <source>按当前位置对齐两侧文档并同步滚动 (Ctrl+L)</source>
        <translation>Align both documents where they are and scroll together (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="244" />
        <source>打开工作区…</source>
        <translation>Open workspace…</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="247" />
        <source>刷新申报列表</source>
        <translation>Refresh list</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="250" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="254" />
        <source>导入申报包（.zip）…</source>
        <translation>Import package (.zip)…</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="256" />
        <source>导入 .zip 申报包；也可把文件夹或 .zip 拖到窗口上 (Ctrl+I)</source>
        <translation>Import a .zip package; you can also drop a folder or .zip on the window (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="258" />
        <source>导入申报文件夹…</source>
        <translation>Import package folder…</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="261" />
        <source>重新检查与测算</source>
        <translation>Re-run checks</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="264" />
        <source>评审人与语言…</source>
        <translation>Reviewer and language…</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="174" />
        <location filename="../../slq_desk/ui/main_window.py" line="267" />
        <source>搜索申报</source>
        <translation>Search applications</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="178" />
        <source>按状态筛选</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="270" />
        <source>下一份申报</source>
        <translation>Next application</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="273" />
        <source>上一份申报</source>
        <translation>Previous application</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="276" />
        <source>声明无利益冲突</source>
        <translation>Declare no conflict of interest</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="287" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="294" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="301" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="309" />
        <source>审核(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="319" />
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="353" />
        <source>尚未打开工作区。

请用「文件 › 打开工作区…」选择一个工作区文件夹，或在命令行运行 slq-desk demo-workspace 目录 生成演示工作区。</source>
        <translation>No workspace open.

Choose a workspace folder with File › Open workspace…, or run slq-desk demo-workspace FOLDER to build a demo workspace.</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="355" />
        <source>未打开工作区</source>
        <translation>No workspace</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="357" />
        <source>算力券申报审核工作台 — {0}</source>
        <translation>Computing-voucher review desk — {0}</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="358" />
        <source>工作区：{0}</source>
        <translation>Workspace: {0}</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="369" />
        <source>工作区中还没有申报材料。

导入申报包（文件夹或 .zip）后，申报会出现在这里；也可以运行 slq-desk demo-workspace 目录 生成一个演示工作区。</source>
        <translation>The workspace has no applications yet.

Import a package (folder or .zip) and it appears here; or run slq-desk demo-workspace FOLDER to build a demo workspace.</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="398" />
        <source>申报 {0}：{1} 份材料</source>
        <translation>Application {0}: {1} documents</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="400" />
        <source>已打开申报 {0}。
检查清单、评分表和补贴测算将显示在这里。</source>
        <translation>Application {0} is open.
The checklist, scoring form and calculation appear here.</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="421" />
        <location filename="../../slq_desk/ui/main_window.py" line="427" />
        <location filename="../../slq_desk/ui/main_window.py" line="433" />
        <source>打开工作区</source>
        <translation>Open workspace</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="428" />
        <source>“{0}”不是 slq-desk 工作区（没有 {1}）。</source>
        <translation>“{0}” is not an slq-desk workspace (no {1}).</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="459" />
        <source>证据：{0} 第 {1} 页</source>
        <translation>Evidence: {0}, page {1}</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="523" />
        <source>已更正字段并重新检查与测算</source>
        <translation>Field corrected; checks and calculation re-run</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="530" />
        <source>正在检查与测算…</source>
        <translation>Running checks…</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="532" />
        <source>检查与测算已完成</source>
        <translation>Checks and calculation done</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="545" />
        <source>操作未完成</source>
        <translation>Not completed</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="549" />
        <location filename="../../slq_desk/ui/main_window.py" line="585" />
        <location filename="../../slq_desk/ui/main_window.py" line="589" />
        <location filename="../../slq_desk/ui/main_window.py" line="614" />
        <source>导入申报包</source>
        <translation>Import package</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="550" />
        <source>申报包 (*.zip)</source>
        <translation>Packages (*.zip)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="555" />
        <source>导入申报文件夹</source>
        <translation>Import package folder</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="585" />
        <source>请先打开一个工作区。</source>
        <translation>Open a workspace first.</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="587" />
        <source>正在导入 {0}…</source>
        <translation>Importing {0}…</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="587" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="601" />
        <source>正在导入 {0}：{1}/{2} {3}</source>
        <translation>Importing {0}: {1}/{2} {3}</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="615" />
        <source>未能导入 {0}：
{1}</source>
        <translation>Could not import {0}:
{1}</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="619" />
        <source>已取消导入 {0}，未写入任何内容</source>
        <translation>Import of {0} cancelled; nothing was written</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/main_window.py" line="640" />
        <source>界面语言将在重新启动后完全生效</source>
        <translation>The language applies fully after a restart</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="35" />
        <source>待初审</source>
        <translation>To check</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="36" />
        <source>初审中</source>
        <translation>Checking</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="37" />
        <source>待评审</source>
        <translation>To review</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="38" />
        <source>评审中</source>
        <translation>Reviewing</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="39" />
        <source>已评审</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="40" />
        <source>已签署</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="42" />
        <source>补正中</source>
        <translation>Awaiting corrections</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="43" />
        <source>初审通过</source>
        <translation>Check passed</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="45" />
        <source>初审不通过</source>
        <translation>Check failed</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="46" />
        <source>公示中</source>
        <translation>Published for comment</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="47" />
        <source>已兑付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/application_list.py" line="48" />
        <source>撤销</source>
        <translation>Withdrawn</translation>
    </message>
</context>
<context>
    <name>ScoreSpin</name>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="108" />
        <source>未评分</source>
        <translation>not scored</translation>
    </message>
</context>
<context>
    <name>ScoringTab</name>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="71" />
        <source>（未选择）</source>
        <translation>(none chosen)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="72" />
        <source>推荐</source>
        <translation>Recommend</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="73" />
        <source>不推荐</source>
        <translation>Do not recommend</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="74" />
        <source>修改后推荐</source>
        <translation>Recommend after changes</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="254" />
        <source>载入评分表文件…</source>
        <translation>Load rubric file…</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="255" />
        <source>评审组可使用自己的评分表（TOML），须在评分之前载入</source>
        <translation>A panel can use its own rubric (TOML), loaded before scoring</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="264" />
        <source>重新载入</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="274" />
        <source>第一步：利益冲突声明</source>
        <translation>Step 1: conflict-of-interest declaration</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="277" />
        <source>声明无利益冲突</source>
        <translation>Declare no conflict of interest</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="280" />
        <source>存在利益冲突…</source>
        <translation>I have a conflict…</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="293" />
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="296" />
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="553" />
        <source>推荐意见</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="317" />
        <source>理由（推荐金额低于测算金额、不推荐或修改后推荐时必填）</source>
        <translation>Reason (required for a lower amount, 不推荐 or 修改后推荐)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="320" />
        <source>意见</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="304" />
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="321" />
        <source>推荐金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="315" />
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="325" />
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="553" />
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="352" />
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="737" />
        <source>提交评审</source>
        <translation>Submit review</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="420" />
        <source>评审专家：{0}</source>
        <translation>Reviewer: {0}</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="420" />
        <source>（未设置）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="446" />
        <source>未打开申报。</source>
        <translation>No application open.</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="453" />
        <source>注意：{0}。通过线 {1} 分（满分 100）。</source>
        <translation>Note: {0}. Pass threshold {1} of 100.</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="485" />
        <source>已保存（版本 {0}）</source>
        <translation>Saved (version {0})</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="494" />
        <source>评分之前，请就本申报的申报单位及其算力供给方声明是否存在利益冲突（投资、隶属、任职、亲属或其他利益关系）。声明之前评分表保持锁定。</source>
        <translation>Before scoring, declare whether you have a conflict of interest with the applicant or its compute supplier (investment, affiliation, employment, family or other ties). The form stays locked until you declare.</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="497" />
        <source>已声明存在利益冲突（{0}）：{1}
您须回避本项评审，评分表保持锁定。</source>
        <translation>Conflict declared ({0}): {1}
You are kept out of this review; the form stays locked.</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="500" />
        <source>已声明（{0}）：{1}</source>
        <translation>Declared ({0}): {1}</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="553" />
        <source>推荐金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="556" />
        <source>评分</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="556" />
        <source>评语</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="567" />
        <source>有未保存的修改…</source>
        <translation>Unsaved changes…</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="580" />
        <source>推荐金额不是有效金额</source>
        <translation>The amount is not a valid amount</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="582" />
        <source>推荐金额 {0} 超过测算金额 {1}</source>
        <translation>The amount {0} exceeds the computed {1}</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="590" />
        <source>≤ 测算金额 {0}</source>
        <translation>≤ computed {0}</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="604" />
        <source>得分 {0}</source>
        <translation>points {0}</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="606" />
        <source>低于阈值</source>
        <translation>Below threshold</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="606" />
        <source>满分</source>
        <translation>Full marks</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="607" />
        <source>{0}：须填写评语（至少 {1} 字）</source>
        <translation>{0}: a comment is required (at least {1} characters)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="612" />
        <source>达到通过线</source>
        <translation>passes</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="612" />
        <source>低于通过线</source>
        <translation>below the pass threshold</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="612" />
        <source>未评完</source>
        <translation>incomplete</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="614" />
        <source>加权总分 {0} / 100 · 通过线 {1} · {2}</source>
        <translation>Weighted total {0} / 100 · pass {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="630" />
        <source>……另有 {0} 项</source>
        <translation>… and {0} more</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="668" />
        <source>未保存：{0}</source>
        <translation>Not saved: {0}</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="680" />
        <source>已自动保存 {0}（版本 {1}）</source>
        <translation>Saved automatically {0} (version {1})</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="689" />
        <source>此评审已在别处被修改（另一窗口或命令行），您的修改未保存、也未覆盖对方。请点击“重新载入”查看最新内容后再修改。
{0}</source>
        <translation>This review was changed elsewhere (another window or the command line). Your change was not saved and did not overwrite theirs. Click Reload to see the latest version, then edit again.
{0}</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="692" />
        <source>未保存：版本冲突</source>
        <translation>Not saved: version conflict</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="703" />
        <source>声明利益冲突</source>
        <translation>Declare a conflict of interest</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="704" />
        <source>请写明与申报单位或其算力供给方的利益关系。
声明后您将回避本项评审，且不能撤回。</source>
        <translation>Describe your tie to the applicant or its compute supplier.
You will be kept out of this review; the declaration cannot be withdrawn.</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="737" />
        <source>提交后不能再修改。确定提交吗？</source>
        <translation>A submitted review cannot be changed. Submit?</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="746" />
        <source>未提交：{0}</source>
        <translation>Not submitted: {0}</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="753" />
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="775" />
        <source>载入评分表</source>
        <translation>Load rubric</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="753" />
        <source>评分表 (*.toml)</source>
        <translation>Rubrics (*.toml)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="783" />
        <source>撤销</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/review_tabs/scoring_tab.py" line="785" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../slq_desk/ui/viewer/search_bar.py" line="21" />
        <source>在文档中查找（不区分大小写）</source>
        <translation>Find in document (case-insensitive)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/search_bar.py" line="23" />
        <source>在文档中查找</source>
        <translation>Find in document</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/search_bar.py" line="27" />
        <source>上一个</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/search_bar.py" line="28" />
        <source>上一个匹配 (Shift+F3)</source>
        <translation>Previous match (Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/search_bar.py" line="30" />
        <source>下一个</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/search_bar.py" line="31" />
        <source>下一个匹配 (F3)</source>
        <translation>Next match (F3)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/search_bar.py" line="34" />
        <source>关闭查找 (Esc)</source>
        <translation>Close search (Esc)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/search_bar.py" line="35" />
        <source>关闭查找</source>
        <translation>Close find</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/search_bar.py" line="57" />
        <source>查找中…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/search_bar.py" line="57" />
        <source>无匹配</source>
        <translation>No matches</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/search_bar.py" line="60" />
        <source> …</source>
        <translation> …</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../slq_desk/ui/settings_dialog.py" line="37" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/settings_dialog.py" line="40" />
        <source>评审专家或审核人员姓名</source>
        <translation>Name of the reviewer or official</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/settings_dialog.py" line="48" />
        <source>姓名用于利益冲突声明、字段更正和审计日志。界面语言在重新启动后完全生效。</source>
        <translation>The name is used for declarations, corrections and the audit log. The language applies fully after a restart.</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/settings_dialog.py" line="51" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/settings_dialog.py" line="52" />
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/settings_dialog.py" line="53" />
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
</context>
<context>
    <name>SigningActions</name>
    <message>
        <location filename="../../slq_desk/ui/signing_actions.py" line="31" />
        <source>签署并导出评审意见…</source>
        <translation>Sign and export opinion…</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/signing_actions.py" line="33" />
        <source>验证签名文件…</source>
        <translation>Verify signed file…</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/signing_actions.py" line="35" />
        <source>签名身份…</source>
        <translation>Signing identity…</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/signing_actions.py" line="36" />
        <source>评审组汇总…</source>
        <translation>Panel summary…</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/signing_actions.py" line="41" />
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/signing_actions.py" line="44" />
        <source>评审组(&amp;P)</source>
        <translation>&amp;Panel</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/signing_actions.py" line="58" />
        <source>请先在左侧选择一份申报</source>
        <translation>Choose an application on the left first</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/signing_actions.py" line="86" />
        <source>签名身份</source>
        <translation>Signing identity</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/signing_actions.py" line="96" />
        <source>请先打开工作区</source>
        <translation>Open a workspace first</translation>
    </message>
</context>
<context>
    <name>ViewerPane</name>
    <message>
        <location filename="../../slq_desk/ui/viewer/pane.py" line="73" />
        <source>选择材料</source>
        <translation>Choose a document</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/pane.py" line="76" />
        <location filename="../../slq_desk/ui/viewer/pane.py" line="77" />
        <source>页码</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/pane.py" line="82" />
        <location filename="../../slq_desk/ui/viewer/pane.py" line="339" />
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/pane.py" line="82" />
        <location filename="../../slq_desk/ui/viewer/pane.py" line="339" />
        <source>适合页面</source>
        <translation>Fit page</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/pane.py" line="84" />
        <source>缩放</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/pane.py" line="85" />
        <source>缩放（Ctrl+滚轮，Ctrl+加号/减号，Ctrl+0 适合宽度）</source>
        <translation>Zoom (Ctrl+wheel, Ctrl+plus/minus, Ctrl+0 fit width)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/pane.py" line="86" />
        <source>缩小 (Ctrl+-)</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/pane.py" line="87" />
        <source>放大 (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/pane.py" line="88" />
        <source>顺时针旋转 90°</source>
        <translation>Rotate 90° clockwise</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/pane.py" line="89" />
        <source>缩略图</source>
        <translation>Thumbnails</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/pane.py" line="89" />
        <source>显示/隐藏页面缩略图</source>
        <translation>Show/hide page thumbnails</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/pane.py" line="91" />
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/pane.py" line="91" />
        <source>查找 (Ctrl+F)</source>
        <translation>Find (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/pane.py" line="107" />
        <source>文档页面</source>
        <translation>Document pages</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/pane.py" line="163" />
        <source>请选择要查看的材料。</source>
        <translation>Choose a document to view.</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/pane.py" line="179" />
        <source>请从上方列表选择一份材料。</source>
        <translation>Choose a document from the list above.</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/pane.py" line="181" />
        <source>该申报没有材料。</source>
        <translation>This application has no documents.</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/pane.py" line="196" />
        <source>导入时无法读取</source>
        <translation>unreadable at import</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/pane.py" line="197" />
        <location filename="../../slq_desk/ui/viewer/pane.py" line="256" />
        <source>无法显示“{0}”：{1}</source>
        <translation>Cannot show “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/pane.py" line="200" />
        <source>找不到“{0}”的文件：{1}</source>
        <translation>File of “{0}” not found: {1}</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/pane.py" line="202" />
        <source>正在打开“{0}”…</source>
        <translation>Opening “{0}”…</translation>
    </message>
    <message>
        <location filename="../../slq_desk/ui/viewer/pane.py" line="227" />
        <source>正在打开</source>
        <translation>Opening</translation>
    </message>
</context>
</TS>