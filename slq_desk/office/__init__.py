"""The 初审 office, Qt-free: status workflow, 补正 round trip, 查重, notices, manual 查验
records and the office's exports. Plain functions over a ``Workspace``; the CLI
(``cli/office_cmd.py``) and the GUI are clients."""
