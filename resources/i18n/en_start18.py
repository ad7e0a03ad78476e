"""English for issue 18 item 1: the window shown first while the workspace opens after it
(ui/startup.py, main_window.show_opening) (read by en_glossary.py)."""

EN: dict[str, str] = {
    "正在打开工作区…": "Opening the workspace…",
    "正在打开工作区：{0}": "Opening the workspace: {0}",
    "打开工作区的进度": "Progress of opening the workspace",
    "正在载入数据库组件…": "Loading the database components…",
    "正在打开并检查工作区数据库…": "Opening and checking the workspace database…",
    "正在读取申报列表…": "Reading the list of applications…",
    "工作区中没有申报 {0}": "There is no application {0} in the workspace",
    "未能打开工作区“{0}”：\n{1}": "Could not open the workspace “{0}”:\n{1}",
    "未能打开工作区": "Could not open the workspace",
}
