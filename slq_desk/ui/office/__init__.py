"""The 初审 office in the window: status moves, notices, 补正 import, 查验 records, reference
lists, 查重 and the 初审汇总表 (issue 15), on ``Desk.office``. ``actions.OfficeActions`` adds the
初审 menu and the 初审 tab to the main window."""
