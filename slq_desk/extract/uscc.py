"""统一社会信用代码 (USCC) and older taxpayer ids: validation.

The 18-character USCC carries a check character (GB 32100-2015), validated with python-stdnum.
Older 15- and 20-character 纳税人识别号 have no published check we can rely on, so they are
accepted by format only and said so.
"""

from __future__ import annotations

import re
from enum import Enum

from stdnum.cn import uscc as _uscc
from stdnum.exceptions import ValidationError

_OLD_FORMAT = re.compile(r"^[0-9A-Z]{15}$|^[0-9A-Z]{17}$|^[0-9A-Z]{20}$")
USCC_PATTERN = r"[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}"
TAX_ID_PATTERN = r"[0-9A-Z]{20}|[0-9A-Z]{18}|[0-9A-Z]{17}|[0-9A-Z]{15}"


class IdStatus(str, Enum):
    valid = "valid"  # an 18-character USCC whose check character holds
    bad_check = "bad_check"  # 18 characters in USCC form, wrong check character
    old_format = "old_format"  # a 15/17/20-character taxpayer id, format only
    malformed = "malformed"


def clean(value: str) -> str:
    return re.sub(r"[\s-]", "", value).upper()


def check_id(value: str) -> IdStatus:
    code = clean(value)
    if len(code) == 18:
        try:
            _uscc.validate(code)
            return IdStatus.valid
        except ValidationError:
            return IdStatus.bad_check if re.fullmatch(USCC_PATTERN, code) else IdStatus.malformed
    if _OLD_FORMAT.match(code):
        return IdStatus.old_format
    return IdStatus.malformed
