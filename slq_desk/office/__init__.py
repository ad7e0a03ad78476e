"""The 初审 office, Qt-free: plain functions over a ``Workspace``; the CLI
(``cli/office_cmd.py``) and the GUI's desk service are clients.

- ``status``: ``move_status(ws, app, to, reason, by, override)``, ``history``, the one table of
  allowed moves (``TRANSITIONS``) and ``parse_status`` (codes, Chinese names, old codes).
- ``supplement``: ``import_supplement(ws, path, app)`` → ``SupplementResult`` (files added /
  replaced / unchanged, findings closed / remaining / new, subsidy before and after; ``to_dict``
  for a view), ``versions(ws, app)``.
- ``checks.dedup`` (in the checks layer, which re-checks use): ``index_application`` (at import, 补正 and every re-check), ``reindex``,
  ``find_duplicates``, ``refresh_findings`` (stage ``dedup`` findings naming both applications).
- ``notices`` / ``notice_pdf``: ``draft_notice`` → ``NoticeDraft`` (edit) → ``sign_notice``;
  ``notices(ws, app)`` lists them.
- ``checks.verification`` (also in the checks layer): ``record_invoice_check``, ``record_credit_check``, ``records_for`` (the
  rows the check report, the checklist and the 初审意见 show).
- ``summary``: ``summary_rows``, ``write_summary`` (初审汇总表 XLSX + signed PDF).
"""
