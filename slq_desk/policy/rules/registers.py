"""Rules that a list or a person decides: supplier registries, credit, bans, unsafe devices,
Beijing's industries and the conditions of directions 2–4.

The lists are data an official loads (``slq-desk lists import``), dated and with their source;
a rule reads the newest list of its kind (``ListView``). Where the list is not loaded, or only a
person can judge, the rule returns an ``INFO`` reason that asks for it, citing the article; where
a loaded list decides against the application, it is ``INELIGIBLE``. The list each rule consults
and its article are policy parameters:

- ``supplier_list`` — Wuhan 第五条 (算力供给方库), Dazhou 第八条 (年度服务机构名单), Hunan 二（二）3
  (调度平台信息登记), Chengdu 第五条 (算力服务机构); Dazhou 第九条 1 adds
  ``supplier_registered_years`` (registered ≥ 2 years: the entry's date);
- ``credit_parties`` — Wuhan 第六条, Dazhou 第四条/第九条, Chengdu 第四条/第五条, Hunan 二（一）1/
  二（二）2, Beijing 附件14-4: nobody on the 信用中国 lists (``credit_blacklist``);
- ``ban_years`` — Wuhan 第十一条: five years without city digital-economy subsidies from the
  day a fraud was established (``wuhan_banned``);
- ``unsafe_devices_excluded`` — Beijing 二（五） (``unsafe_devices``, by card model);
- ``applicant_industries`` — Beijing 一（一）: a person confirms the industry;
- ``direction_list`` / ``direction_person`` / ``direction_model_filed_after`` — Beijing 一（四）
  directions 2 (揭榜 list, or a project a person finds within the two 行动方案), 3 (open-source
  scene, a person), 4 (model filed after 2026-01-01, from the filing proof).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from slq_desk.policy.rules import ParamReader, register_messages
from slq_desk.policy.trace import INELIGIBLE, INFO, Reason

# The kinds of list an official can load, with their Chinese names.
LIST_KINDS: dict[str, str] = {
    "wuhan_suppliers": "武汉算力供给方库",
    "dazhou_service_providers": "达州市算力券服务机构名单",
    "hunan_registered_suppliers": "湖南省算力调度平台已登记算力供给方",
    "chengdu_service_institutions": "成都市算力服务机构名单",
    "credit_blacklist": "“信用中国”失信惩戒对象及严重失信主体名单",
    "wuhan_banned": "武汉市算力券违法违规查处名单（五年内禁止申领）",
    "beijing_jiebang": "工信部2025年人工智能产业及赋能新型工业化创新任务揭榜名单",
    "unsafe_devices": "国家有关部门声明存在安全隐患或不建议使用的算力设备",
}

ROLE_NAMES = {"applicant": "申报单位", "supplier": "算力供给方"}

register_messages({
    "supplier_list_unchecked": (
        "请核对算力供给方“{party}”是否在{list}中（名单未导入）",
        "check by hand that the supplier '{party}' is on the {list_en} (no list loaded)",
    ),
    "supplier_not_listed": (
        "算力供给方“{party}”不在{list}（{as_of}，{source}）中",
        "the supplier '{party}' is not on the {list_en} ({as_of}, {source})",
    ),
    "supplier_registration_unchecked": (
        "请核对算力供给方“{party}”在当地合法注册是否满{years}年（名单未载注册日期）",
        "check by hand that the supplier '{party}' has been registered for {years} years",
    ),
    "supplier_registered_too_recently": (
        "算力供给方“{party}”注册于{since}，申报日不满{years}年",
        "the supplier '{party}' was registered on {since}, less than {years} years before the claim",
    ),
    "credit_unchecked": (
        "请在“信用中国”核查{roles}的信用状况（失信惩戒对象、严重失信主体名单），并记录核查日期",
        "check the credit status of the {roles_en} on 信用中国 by hand and record the date",
    ),
    "credit_listed": (
        "{role}“{party}”列于{list}（{as_of}，{source}）",
        "the {role_en} '{party}' is on the {list_en} ({as_of}, {source})",
    ),
    "ban_list_unchecked": (
        "请核对{roles}是否因弄虚作假被查处、仍在{years}年禁止申领期内（名单未导入）",
        "check by hand that the {roles_en} are not within a {years}-year ban for fraud",
    ),
    "banned_from_subsidies": (
        "{role}“{party}”于{since}被查处，{years}年内禁止申领",
        "the {role_en} '{party}' was sanctioned on {since}: banned for {years} years",
    ),
    "unsafe_devices_unchecked": (
        "请核对所用算力设备（{devices}）是否被国家有关部门声明存在安全隐患（名单未导入）",
        "check by hand that the devices ({devices}) are not declared unsafe by the state",
    ),
    "unsafe_device": (
        "算力设备“{device}”列于{list}（{as_of}，{source}），不予支持",
        "the device '{device}' is on the {list_en} ({as_of}, {source}): not supported",
    ),
    "industry_to_confirm": (
        "请确认申报单位属于{industries}（或为新型研发机构）",
        "confirm that the applicant is in one of: {industries} (or a new R&D institution)",
    ),
    "industry_not_supported": (
        "申报单位所属行业（{industry}）不在{industries}之内",
        "the applicant's industry ({industry}) is not among {industries}",
    ),
    "direction_condition_to_confirm": (
        "方向{direction}：{condition}，需人工确认",
        "direction {direction}: {condition_en}; a person must confirm it",
    ),
    "model_filed_too_early": (
        "方向4要求{after}之后新备案登记的模型产品，备案日期为{filed}",
        "direction 4 wants a model filed after {after}; it was filed on {filed}",
    ),
})


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").upper()
    return re.sub(r"[\s()（）·.,，、\-]", "", text)


@dataclass(frozen=True)
class Entry:
    name: str = ""
    uscc: str = ""
    item: str = ""
    since: date | None = None
    note: str = ""


@dataclass(frozen=True)
class ListView:
    """The newest loaded list of one kind, as the rules read it."""

    kind: str
    as_of: date
    source: str
    entries: tuple[Entry, ...] = ()
    _index: dict[str, Entry] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for key in (entry.uscc, entry.name, entry.item):
                if key and _norm(key) not in self._index:
                    self._index[_norm(key)] = entry

    @property
    def label(self) -> str:
        return LIST_KINDS.get(self.kind, self.kind)

    def find(self, *keys: str) -> Entry | None:
        """The entry matching any key (USCC first, then name or item), compared loosely
        (full-width, spaces, brackets ignored)."""
        for key in keys:
            if key:
                found = self._index.get(_norm(key))
                if found is not None:
                    return found
        return None

    def find_in(self, text: str) -> Entry | None:
        """An item of the list named inside ``text`` (a card model within a line's spec)."""
        norm = _norm(text)
        for key, entry in self._index.items():
            if entry.item and key and key in norm:
                return entry
        return None

    def details(self) -> dict[str, Any]:
        return {"list": self.label, "list_en": self.kind, "as_of": self.as_of,
                "source": self.source or "—"}


@dataclass(frozen=True)
class Party:
    role: str  # "applicant" or "supplier"
    name: str
    uscc: str = ""
    evidence: tuple[Any, ...] = ()

    @property
    def label(self) -> str:
        return self.name or self.uscc or "（未读出）"


def _list(p: ParamReader, name: str, lists: dict[str, ListView]) -> tuple[str, ListView | None]:
    kind = str(p.get(name))
    return kind, lists.get(kind)


def supplier_listed(p: ParamReader, supplier: Party, lists: dict[str, ListView],
                    claim_day: date) -> list[Reason]:
    """The supplier is on the policy's registry (and registered long enough, Dazhou 第九条)."""
    if not p.has("supplier_list"):
        return []
    kind, registry = _list(p, "supplier_list", lists)
    article = p.article("supplier_list")
    ev = list(supplier.evidence)
    if registry is None:
        return [Reason("supplier_list_unchecked", article, INFO,
                       {"party": supplier.label, "list": LIST_KINDS.get(kind, kind),
                        "list_en": kind}, ev)]
    entry = registry.find(supplier.uscc, supplier.name)
    if entry is None:
        return [Reason("supplier_not_listed", article, INELIGIBLE,
                       {"party": supplier.label, **registry.details()}, ev)]
    if not p.has("supplier_registered_years"):
        return []
    years = int(p.get("supplier_registered_years"))
    years_article = p.article("supplier_registered_years")
    if entry.since is None:
        return [Reason("supplier_registration_unchecked", years_article, INFO,
                       {"party": supplier.label, "years": years}, ev)]
    try:
        anniversary = entry.since.replace(year=entry.since.year + years)
    except ValueError:  # 29 February
        anniversary = date(entry.since.year + years, 3, 1)
    if claim_day < anniversary:
        return [Reason("supplier_registered_too_recently", years_article, INELIGIBLE,
                       {"party": supplier.label, "since": entry.since, "years": years}, ev)]
    return []


def _roles(parties: Iterable[Party]) -> tuple[str, str]:
    roles = list(dict.fromkeys(p.role for p in parties))
    return "、".join(ROLE_NAMES.get(r, r) for r in roles), " and ".join(roles)


def credit(p: ParamReader, parties: list[Party], lists: dict[str, ListView]) -> list[Reason]:
    """Nobody the policy names is on the credit blacklist (信用中国)."""
    if not p.has("credit_parties"):
        return []
    wanted = [x for x in parties if x.role in p.get("credit_parties")]
    if not wanted:
        return []
    article = p.article("credit_parties")
    blacklist = lists.get("credit_blacklist")
    if blacklist is None:
        roles, roles_en = _roles(wanted)
        return [Reason("credit_unchecked", article, INFO, {"roles": roles, "roles_en": roles_en},
                       [e for x in wanted for e in x.evidence])]
    out = []
    for party in wanted:
        if blacklist.find(party.uscc, party.name) is not None:
            out.append(Reason("credit_listed", article, INELIGIBLE,
                              {"role": ROLE_NAMES.get(party.role, party.role),
                               "role_en": party.role, "party": party.label,
                               **blacklist.details()}, list(party.evidence)))
    return out


def banned(p: ParamReader, parties: list[Party], lists: dict[str, ListView],
           claim_day: date) -> list[Reason]:
    """Wuhan 第十一条: sanctioned parties may not claim for ``ban_years`` from the sanction."""
    if not p.has("ban_years") or not parties:
        return []
    years = int(p.get("ban_years"))
    article = p.article("ban_years")
    banlist = lists.get("wuhan_banned")
    if banlist is None:
        roles, roles_en = _roles(parties)
        return [Reason("ban_list_unchecked", article, INFO,
                       {"roles": roles, "roles_en": roles_en, "years": years})]
    out = []
    for party in parties:
        entry = banlist.find(party.uscc, party.name)
        if entry is None:
            continue
        since = entry.since or banlist.as_of
        try:
            until = since.replace(year=since.year + years)
        except ValueError:
            until = date(since.year + years, 3, 1)
        if claim_day < until:
            out.append(Reason("banned_from_subsidies", article, INELIGIBLE,
                              {"role": ROLE_NAMES.get(party.role, party.role),
                               "role_en": party.role, "party": party.label, "since": since,
                               "years": years}, list(party.evidence)))
    return out


def unsafe_devices(p: ParamReader, devices: list[tuple[str, list[Any]]],
                   lists: dict[str, ListView]) -> list[Reason]:
    """Beijing 二（五）: devices the state declared unsafe are not supported."""
    if not p.has("unsafe_devices_excluded") or not p.get("unsafe_devices_excluded"):
        return []
    article = p.article("unsafe_devices_excluded")
    named = [(d, ev) for d, ev in devices if d]
    listed = lists.get("unsafe_devices")
    if listed is None:
        shown = "、".join(dict.fromkeys(d for d, _ in named)) or "未读出"
        return [Reason("unsafe_devices_unchecked", article, INFO, {"devices": shown},
                       [e for _, ev in named for e in ev])]
    out = []
    for device, ev in named:
        entry = listed.find(device) or listed.find_in(device)
        if entry is not None:
            out.append(Reason("unsafe_device", article, INELIGIBLE,
                              {"device": device, **listed.details()}, ev))
    return out


def industry(p: ParamReader, kind: str, declared: str | None,
             evidence: list[Any] | None = None) -> Reason | None:
    """Beijing 一（一）: enterprises of the software, manufacturing or tech-service industries
    (new R&D institutions qualify as such). Only a person can place an enterprise in an
    industry; a declared industry outside the list blocks."""
    if not p.has("applicant_industries") or kind == "new_rnd_institution":
        return None
    industries = p.get("applicant_industries")
    shown = "、".join(industries)
    article = p.article("applicant_industries")
    if not declared:
        return Reason("industry_to_confirm", article, INFO, {"industries": shown}, evidence)
    if declared in industries:
        return None
    return Reason("industry_not_supported", article, INELIGIBLE,
                  {"industry": declared, "industries": shown}, evidence)


# What only a person can judge for a direction, by direction key.
DIRECTION_CONDITIONS: dict[str, tuple[str, str]] = {
    "2": ("须入围揭榜名单，或参照两个行动方案所支持方向进行研发落地",
          "on the 揭榜 list, or a project within the directions of the two 2025 行动方案"),
    "3": ("所申开源项目须符合《北京市开源生态体系建设实施方案（2026—2028年）》所提及的开源场景，"
          "或为参照两个行动方案的开源项目",
          "the open-source project fits a scene of the 2026–2028 open-source plan, or the two "
          "行动方案"),
    "4": ("须为新备案登记的模型产品（含Agent），请核对备案证明",
          "a newly filed model product (Agent included); check the filing proof"),
}


def direction_conditions(p: ParamReader, key: str, applicant: Party, lists: dict[str, ListView],
                         model_filed_on: date | None,
                         filing_evidence: list[Any] | None = None) -> list[Reason]:
    """Beijing 一（四） directions 2–4, beyond the contract total (``direction``)."""
    out: list[Reason] = []
    kinds = p.get_key("direction_list", key) if p.has("direction_list") else None
    if kinds:
        listed = lists.get(kinds[0])
        if listed is None or listed.find(applicant.uscc, applicant.name) is None:
            zh, en = DIRECTION_CONDITIONS.get(key, ("", ""))
            out.append(Reason("direction_condition_to_confirm", p.article("direction_list"), INFO,
                              {"direction": key, "condition": zh, "condition_en": en},
                              list(applicant.evidence)))
    if p.has("direction_person") and key in p.get("direction_person"):
        zh, en = DIRECTION_CONDITIONS.get(key, ("", ""))
        out.append(Reason("direction_condition_to_confirm", p.article("direction_person"), INFO,
                          {"direction": key, "condition": zh, "condition_en": en}))
    if p.has("direction_model_filed_after") and key == "4":
        after = p.get("direction_model_filed_after")
        article = p.article("direction_model_filed_after")
        if model_filed_on is None:
            zh, en = DIRECTION_CONDITIONS["4"]
            out.append(Reason("direction_condition_to_confirm", article, INFO,
                              {"direction": key, "condition": zh, "condition_en": en},
                              filing_evidence))
        elif model_filed_on < after:
            out.append(Reason("model_filed_too_early", article, INELIGIBLE,
                              {"after": after, "filed": model_filed_on}, filing_evidence))
    return out


register_messages({
    "judgement_required": (
        "需人工判断：{question}",
        "a person's judgement: {question_en}",
    ),
})

# Parameters named judge_* state a condition only a person can judge: the value is the question
# (Chinese), the description its English, the citation the article.
JUDGEMENT_PREFIX = "judge_"


def judgement(p: ParamReader, name: str, question_en: str) -> Reason | None:
    """A person's judgement the text requires (``judge_*`` parameters), as a finding that asks."""
    if not name.startswith(JUDGEMENT_PREFIX) or not p.has(name):
        return None
    return Reason("judgement_required", p.article(name), INFO,
                  {"topic": name[len(JUDGEMENT_PREFIX):], "question": p.get(name),
                   "question_en": question_en})
