"""manifest.json: the package's own statement of policy, applicant, claim time and direction.

Optional, and written by the applicant (or the platform that collected the package), so it is
read defensively: anything malformed becomes a warning and is ignored, never an error.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

MANIFEST_NAME = "manifest.json"
MAX_BYTES = 64 * 1024
# Claim times without a zone are China Standard Time, where the platforms run.
CHINA = timezone(timedelta(hours=8), "Asia/Shanghai")


@dataclass
class Manifest:
    policy: str | None = None
    applicant_name: str | None = None
    applicant_uscc: str | None = None
    claimed_at: datetime | None = None
    direction: int | None = None
    problems: list[str] = field(default_factory=list)


def parse_manifest(data: bytes) -> Manifest:
    m = Manifest()
    if len(data) > MAX_BYTES:
        m.problems.append(f"manifest.json larger than {MAX_BYTES} bytes; ignored")
        return m
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as err:
        m.problems.append(f"manifest.json is not valid JSON ({type(err).__name__}); ignored")
        return m
    if not isinstance(raw, dict):
        m.problems.append("manifest.json is not an object; ignored")
        return m
    policy = raw.get("policy")
    if isinstance(policy, str) and re.fullmatch(r"[a-z0-9][a-z0-9._-]{0,63}", policy):
        m.policy = policy
    elif policy is not None:
        m.problems.append(f"manifest policy {str(policy)[:40]!r} is not a policy id; ignored")
    applicant = raw.get("applicant")
    if isinstance(applicant, dict):
        name, uscc = applicant.get("name"), applicant.get("uscc")
        m.applicant_name = name.strip()[:200] if isinstance(name, str) and name.strip() else None
        m.applicant_uscc = uscc.strip()[:32] if isinstance(uscc, str) and uscc.strip() else None
    claimed = raw.get("claimed_at")
    if isinstance(claimed, str):
        try:
            at = datetime.fromisoformat(claimed.strip())
            m.claimed_at = at if at.tzinfo else at.replace(tzinfo=CHINA)
        except ValueError:
            m.problems.append(f"manifest claimed_at {claimed[:40]!r} is not an ISO time; ignored")
    direction = raw.get("direction")
    if isinstance(direction, str):
        # Only ASCII digits: str.isdigit() also accepts "²" and other Unicode digits that int()
        # refuses, and a long digit string would exceed int()'s limit.
        text = direction.strip()
        direction = int(text) if re.fullmatch(r"[0-9]{1,2}", text) else direction
    if isinstance(direction, int) and not isinstance(direction, bool) and 1 <= direction <= 9:
        m.direction = direction
    elif direction is not None:
        m.problems.append(f"manifest direction {str(direction)[:20]!r} is not a direction "
                          "number (1–9); ignored")
    return m
