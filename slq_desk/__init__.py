"""slq-desk: offline review workstation for 算力券 (computing-power voucher) subsidy applications."""

__version__ = "0.1.0"
