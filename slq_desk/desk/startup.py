"""The start-up check: every resource file the program ships is present and well formed.

Run once when the CLI or the window starts (``check_resources``), so a damaged installation —
a bundle without ``resources/checks/``, a policy file cut short — stops with one clear message
instead of switching a rule off or printing an empty citation in a signed opinion. Each file
is read by the same loader that uses it later, so the check cannot drift from the use.
"""

from __future__ import annotations

from slq_desk.checks.prices import load_prices
from slq_desk.errors import BadInput
from slq_desk.policy.loader import list_policies, load_policy
from slq_desk.resources import ResourceError, read_toml, resource_path
from slq_desk.review.rubric import builtin_rubrics

# TOML tables of the checks, read by checks/citations.py, checks/rules/eligibility.py and
# checks/prices.py.
CHECK_TABLES = ("citations.toml", "regions.toml", "reference_prices.toml")
# Qt translations the window offers (Chinese is the source text and needs no file).
TRANSLATIONS = ("slq_desk_en.qm",)

_checked = False


def check_resources() -> None:
    """Raise ``ResourceError`` naming the first missing or broken resource; cheap the second
    time in one process."""
    global _checked
    if _checked:
        return
    for table in CHECK_TABLES:
        read_toml("checks", table)
    try:
        load_prices()
    except BadInput as err:  # the table's own validation names the bad entry
        raise ResourceError(f"资源文件错误 / broken resource file: {err}") from None
    policies = list_policies()
    if not policies:
        raise ResourceError(f"没有政策文件 / no policy files in {resource_path('policies')}")
    for policy_id in policies:
        try:
            load_policy(policy_id)
        except BadInput as err:  # PolicyFileError names the file and the key
            raise ResourceError(f"政策文件错误 / broken policy file: {err}") from None
    try:
        rubrics = builtin_rubrics()
    except BadInput as err:  # RubricError names the file
        raise ResourceError(f"评分表文件错误 / broken rubric file: {err}") from None
    if not rubrics:
        raise ResourceError(f"没有评分表 / no rubric files in {resource_path('rubrics')}")
    for name in TRANSLATIONS:
        path = resource_path("i18n", name)
        if not path.is_file() or path.stat().st_size == 0:
            raise ResourceError(f"翻译文件缺失 / missing translation file: {path}")
    _checked = True
