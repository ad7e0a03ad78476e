"""English for the strings branch open18 added (issue 18 item 3: a usage log's table rows)."""

EN = {
    "明细共 {0} 行": "{0} table rows",
    "按表格存储，下列前 {0} 行，其余见原文件": "stored as a table; the first {0} rows are listed, the rest are in the file",
    "逐行数据已全部读入并用于检查；行数较多，在此只列出前几行":
        "Every row was read and is used by the checks; there are too many to list here, so only the first rows are shown",
    "正在读取评分表…": "Reading the scoring form…",
    "北京时间": "Beijing time",
    "<b>{0}</b> {1}<br><span style='color:{2}'>尚未检查与测算</span>（Ctrl+R）· 下列问题仅为读取文件时发现的":
        "<b>{0}</b> {1}<br><span style='color:{2}'>Not checked yet</span> (Ctrl+R) · the findings below are only those found reading the files",
}
