"""Who is who in a contract or receipt: party roles from synonyms and 以下简称 definitions.

Contracts name the two sides in many ways — 甲方/乙方, 需求方/供给方, 委托方/受托方/服务方,
买方/卖方, 采购方/供应方 — and often define one name by another: `需求方（以下简称"甲方"）：…`
or `某某科技有限公司（以下简称“乙方”）`. A role word decides the side (需求方 is the buyer); a
bare alias (甲方) takes the side its definition gives it, else the customary one (甲方 buys).
Each party's 统一社会信用代码 is the id printed under (or beside) its name in the same column,
so a two-column header ("甲方：A | 乙方：B" over "代码：X | 代码：Y") pairs A with X.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from slq_desk.extract.find import Hit
from slq_desk.extract.geometry import beside, find_all
from slq_desk.extract.normalise import spaced
from slq_desk.extract.text import Line
from slq_desk.extract.uscc import TAX_ID_PATTERN

BUYER = "buyer"
SUPPLIER = "supplier"

BUYER_WORDS = ("算力需求方", "算力使用方", "需求方", "委托方", "委托人", "买方", "采购方", "购买方",
               "用户方", "客户方", "承租方", "使用方", "付款方")
SUPPLIER_WORDS = ("算力供给方", "算力服务方", "算力提供方", "算力服务提供方", "服务提供方", "供给方",
                  "供应方", "受托方", "受托人", "服务方", "提供方", "卖方", "出卖方", "出租方",
                  "服务商", "承接方", "收款方")
ALIASES = {"甲方": BUYER, "乙方": SUPPLIER}
ROLE_OF: dict[str, str] = {**{w: BUYER for w in BUYER_WORDS}, **{w: SUPPLIER for w in SUPPLIER_WORDS}}

# An organisation's name as printed: at least four characters, no colon, no sentence marks.
NAME = r"[^\t:;。，,]{4,60}?(?=\t|$|\s+[^\s:]{1,15}:|[,，;；。]|\(以下|\(统一)"
_NAME_RE = re.compile(rf"[ ]*(?P<v>{NAME})")
_BARE = re.compile(r"\s*(?:\t|$)")
_NAME_END = re.compile(r"(?:\((?:盖章|公章|签章|签字|章)\)|\(以下[^)]*\)?|\(统一[^)]*\)?)\s*$")
_QUOTE = "[\"“”'‘’「」『』]"
_DEFINITION = re.compile(
    rf"(?P<before>[^\t:;。，,]{{0,60}}?)\s*\(\s*(?:以下|下文)(?:简称|称为|称)\s*{_QUOTE}?\s*"
    rf"(?P<alias>[^\s\"“”'‘’「」『』)]{{1,8}}?)\s*{_QUOTE}?\s*\)")
_ID_LABELS = ("统一社会信用代码", "社会信用代码", "信用代码", "纳税人识别号", "税号", "注册号")


@dataclass(frozen=True)
class Party:
    role: str
    name: Hit
    label_x: float  # left edge of the party's label (or name), for pairing with its id
    label_y: float


def _role_of(words: str, aliases: dict[str, str]) -> str | None:
    for word in sorted(ROLE_OF, key=len, reverse=True):
        if word in words:
            return ROLE_OF[word]
    for alias, role in aliases.items():
        if alias in words:
            return role
    return None


def _clean(hit: Hit) -> Hit | None:
    text = hit.line.text[hit.start:hit.end]
    m = _NAME_END.search(text)
    end = hit.start + (m.start() if m else len(text))
    while end > hit.start and hit.line.text[end - 1] in " ,，;；":
        end -= 1
    name = hit.line.text[hit.start:end]
    if len(name) < 4 or re.fullmatch(r"[\d\s\-/.年月日]+", name) or "盖章" in name:
        return None
    if re.search(r"签字|签章|代表人|地址|电话|账号|开户", name):
        return None
    return Hit(hit.line, hit.start, end)


def aliases(lines: Sequence[Line]) -> dict[str, str]:
    """alias → role from the 以下简称 definitions, on top of the customary 甲方/乙方."""
    out = dict(ALIASES)
    for line in lines:
        for m in _DEFINITION.finditer(line.text):
            role = _role_of(m.group("before")[-8:], {})
            alias = m.group("alias")
            if role is not None:
                out[alias] = role
            elif alias in ROLE_OF:
                out.setdefault(alias, ROLE_OF[alias])
    return out


def find_parties(lines: Sequence[Line]) -> dict[str, Party]:
    known = aliases(lines)
    found: dict[str, Party] = {}
    words = sorted({*ROLE_OF, *known}, key=len, reverse=True)
    label = "(?<![\u4e00-\u9fff])(?P<w>" + "|".join(spaced(w) for w in words) + ")"
    labelled = re.compile(rf"{label}\s*(?P<p>\([^)]{{0,20}}\))?\s*:")
    # 1. "需求方（甲方）：某某公司" and the same with the name beside or under its label.
    for line in lines:
        for m in labelled.finditer(line.text):
            role = _role_of(re.sub(r"\s", "", m.group("w") + (m.group("p") or "")), known)
            if role is None or role in found:
                continue
            after = _NAME_RE.match(line.text, m.end())
            if after is not None:
                hit: Hit | None = Hit(line, after.start("v"), after.end("v"))
            elif _BARE.match(line.text, m.end()):
                hit = beside(lines, line, m.start(), m.end(), _NAME_RE)
            else:
                hit = None
            if hit is None:
                continue
            cleaned = _clean(hit)
            if cleaned is None:
                continue
            box = line.span_bbox(m.start(), m.end())
            if box is None:
                continue
            found[role] = Party(role, cleaned, box[0], box[1])
    # 2. A party table: the role heads its column ("甲方（算力需求方）") and "名称：…" is under it.
    header = re.compile(rf"(?:^|\t){label}\s*(?P<p>\([^)]{{0,20}}\))?\s*(?=\t|$)")
    named = re.compile(rf"^(?:单位名称|企业名称|公司名称|名称|全称)\s*:\s*(?P<v>{NAME})")
    for n, line in enumerate(lines):
        for m in header.finditer(line.text):
            role = _role_of(re.sub(r"\s", "", m.group("w") + (m.group("p") or "")), known)
            box = line.span_bbox(m.start("w"), m.end("w"))
            if role is None or role in found or box is None:
                continue
            height = max(box[3] - box[1], 6.0)
            for below in lines[n + 1:n + 4]:
                if below.page != line.page:
                    break
                for start, end, _text in below.cells():
                    cbox = below.span_bbox(start, end)
                    if cbox is None or abs(cbox[0] - box[0]) > 1.5 * height:
                        continue
                    nm = named.match(below.text[start:end].strip())
                    if nm is None:
                        continue
                    lead = len(below.text[start:end]) - len(below.text[start:end].lstrip())
                    hit = _clean(Hit(below, start + lead + nm.start("v"), start + lead + nm.end("v")))
                    if hit is not None and role not in found:
                        found[role] = Party(role, hit, box[0], box[1])
    # 3. "某某科技有限公司（以下简称“乙方”）" in the preamble.
    for line in lines:
        for m in _DEFINITION.finditer(line.text):
            role = known.get(m.group("alias"))
            if role is None or role in found:
                continue
            start, end = m.span("before")
            text = line.text[start:end]
            # The name is what follows the last role word or colon before the definition.
            cut = max((text.rfind(c) + 1 for c in (":", "：", ")", "方")), default=0)
            cut = cut if text[cut:].strip() else 0
            hit = _clean(Hit(line, start + cut, end))
            if hit is None or not re.search(r"[\u4e00-\u9fff]{2}", hit.text):
                continue
            box = line.span_bbox(hit.start, hit.end)
            if box is not None:
                found[role] = Party(role, hit, box[0], box[1])
    return found


def party_ids(lines: Sequence[Line], parties: dict[str, Party]) -> dict[str, Hit]:
    """Each party's 统一社会信用代码: the nearest id under or beside its name, in its column."""
    ids: list[tuple[Hit, float, float]] = []
    for hit in find_all(lines, _ID_LABELS, rf"(?:{TAX_ID_PATTERN})(?![0-9A-Z])"):
        box = hit.line.span_bbox(hit.start, hit.end)
        if box is None:
            continue
        # The id's column: the left edge of the cell its label starts.
        cell_x = box[0]
        for start, end, _text in hit.line.cells():
            if start <= hit.start < end + 1:
                cbox = hit.line.span_bbox(start, min(end, hit.end))
                if cbox is not None:
                    cell_x = cbox[0]
                break
        ids.append((hit, cell_x, box[1]))
    pairs: list[tuple[float, str, int]] = []
    for role, party in parties.items():
        height = max(party.name.line.size, 6.0)
        # Where the party is named: its label, and every line that prints its name (a party
        # table's "名称：…" right above its id, the preamble, the signature block).
        anchors = [(party.name.line.page, party.label_x, party.label_y)]
        name = party.name.text
        for line in lines:
            at = line.text.find(name)
            if at >= 0 and (box := line.span_bbox(at, at + len(name))) is not None:
                cell_x = box[0]
                for start, end, _text in line.cells():
                    if start <= at < end:
                        cbox = line.span_bbox(start, end)
                        cell_x = cbox[0] if cbox else cell_x
                        break
                anchors.append((line.page, cell_x, box[1]))
        for n, (hit, x, y) in enumerate(ids):
            best: float | None = None
            for page, ax, ay in anchors:
                if hit.line.page != page:
                    continue
                dy = y - ay
                if dy < -0.6 * height or dy > 14 * height:
                    continue
                score = max(dy, 0.0) + 2.5 * abs(x - ax)
                best = score if best is None else min(best, score)
            if best is not None:
                pairs.append((best, role, n))
    out: dict[str, Hit] = {}
    used: set[int] = set()
    for _score, role, n in sorted(pairs):
        if role in out or n in used:
            continue
        out[role] = ids[n][0]
        used.add(n)
    return out
