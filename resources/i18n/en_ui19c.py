"""English for the keyboard paths, the start page and the laptop layout (branch ui19c)."""

EN = {
    # keyboard.py: region jumps (Alt+1…4, F6 / Shift+F6)
    "转到申报列表": "Go to application list",
    "转到左侧文档": "Go to left document",
    "转到右侧文档": "Go to right document",
    "转到检查清单与评分": "Go to checklist and scoring",
    "下一区域": "Next region",
    "上一区域": "Previous region",
    # main_window.py: empty states
    "尚未打开工作区。": "No workspace is open.",
    "请在左侧申报列表中打开一份申报。": "Open an application from the application list.",
    "尚未打开工作区。\n\n请在开始页新建或打开一个工作区，或生成演示工作区。":
        "No workspace is open.\n\nCreate or open a workspace on the start page, or build the demo workspace.",
    "工作区中还没有申报材料。\n\n导入申报包（文件夹或 .zip）后，申报会出现在这里；"
    "也可以用「文件 › 生成演示工作区…」生成一个演示工作区。":
        "This workspace has no applications yet.\n\nImport a package (a folder or a .zip) and it "
        "appears here; or build a demo workspace with File › Build demo workspace….",
    # start_page.py
    "请先新建或打开一个工作区。工作区是一个文件夹，保存导入的申报材料、检查结果、评审记录和审计日志。":
        "Start by creating or opening a workspace: a folder that keeps the imported applications, "
        "the check results, the reviews and the audit log.",
    "新建工作区(&N)…": "&New workspace…",
    "打开工作区(&O)…": "&Open workspace…",
    "生成演示工作区(&D)…": "Build &demo workspace…",
    "选择一个空文件夹（或在对话框中新建文件夹），在其中创建工作区。":
        "Choose an empty folder (or make one in the dialog) to create the workspace in.",
    "打开已有的工作区文件夹。": "Open an existing workspace folder.",
    "生成五项政策的 16 份演示申报（其中一部分有问题），导入并完成初审，约需一分钟。":
        "Generate 16 demo applications under the five policies (some with flaws), import them "
        "and run the initial review; about a minute.",
    "演示工作区生成进度": "Demo workspace progress",
    "在这里新建工作区": "Create a workspace here",
    "最近使用的工作区(&R)": "&Recent workspaces",
    "最近使用的工作区": "Recent workspaces",
    "还没有打开过工作区。": "No workspace opened yet.",
    "选择或新建一个空文件夹作为工作区": "Choose or make an empty folder for the workspace",
    "“{0}”是空文件夹，还不是工作区。要在这里新建一个工作区吗？":
        "“{0}” is an empty folder, not a workspace yet. Create a workspace here?",
    "选择一个空文件夹，用来生成演示工作区": "Choose an empty folder for the demo workspace",
    "正在生成演示申报包…": "Generating the demo packages…",
    "未能生成演示工作区：{0}": "Could not build the demo workspace: {0}",
    "已取消生成演示工作区。已导入的申报保留在“{0}”中，可以打开它，或在同一文件夹中再次生成以补全。":
        "Demo workspace cancelled. The applications imported so far stay in “{0}”: open it, or "
        "build again in the same folder to complete it.",
    "正在初审检查 {0}…": "Checking {0}…",
    "正在生成演示评审组…": "Building the demo panel…",
    "即将完成…": "Almost done…",
    "正在取消（当前这份申报导入完后停止）…": "Cancelling (stops once the current package is imported)…",
    "新建工作区…": "New workspace…",
    "生成演示工作区…": "Build demo workspace…",
    "关闭工作区": "Close workspace",
}
