"""What an invoice or contract line is for: the service kinds of docs/demo-packages.md.

Contract lines say their service; invoice lines only have a name (“*信息技术服务*存储服务”) and
a specification, so the service is read from keywords. The tax category before the second “*”
is ignored: “信息技术服务” says nothing about what was bought.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

from slq_desk.checks.prices import find_model

# Order matters: the first keyword found decides (storage before compute, since a line such as
# “算力配套存储服务” is storage).
_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("token", ("TOKEN", "词元")),
    ("storage", ("存储",)),
    ("network", ("带宽", "网络", "专线", "公网", "IP地址", "CDN")),
    ("database", ("数据库",)),
    ("security", ("安全", "防护", "等保", "防火墙")),
    ("adaptation", ("适配", "迁移")),
    ("tech_support", ("技术支持", "运维", "咨询")),
    ("model", ("模型服务", "模型API", "大模型调用")),
    ("compute", ("算力", "GPU", "NPU", "卡时", "智算", "超算", "服务器租用", "云主机", "计算")),
)

# Compute that is not intelligent compute (Chengdu 第八条 excludes it).
_GENERAL = ("通用算力", "CPU", "云主机", "通用计算")
_SUPER = ("超算",)
_QUANTUM = ("量子",)


def item_label(name: str) -> str:
    """“*信息技术服务*算力租赁服务” → “算力租赁服务”."""
    text = unicodedata.normalize("NFKC", name).strip()
    if text.startswith("*") and text.count("*") >= 2:
        return text.split("*", 2)[2]
    return text


def service_of(name: str, spec: str = "", unit: str = "") -> str:
    label = item_label(name).upper()
    # Metered by tokens (“百万Tokens”) is a Token service whatever the line is called.
    if "TOKEN" in unicodedata.normalize("NFKC", unit).upper():
        return "token"
    for service, words in _KEYWORDS:
        if any(w.upper() in label for w in words):
            return service
    if find_model(spec) is not None:
        return "compute"
    return "other"


def item_service(item: Mapping[str, Any]) -> str:
    """The service of an extracted line (a mapping of field name → FieldView)."""
    def get(name: str) -> str:
        return str(item[name].value) if name in item else ""
    return service_of(get("name"), get("spec"), get("unit"))


def compute_class_of(name: str, spec: str = "") -> str:
    text = f"{item_label(name)} {spec}".upper()
    if any(w.upper() in text for w in _QUANTUM):
        return "quantum"
    if any(w.upper() in text for w in _SUPER):
        return "supercomputing"
    if find_model(spec) is None and any(w.upper() in text for w in _GENERAL):
        return "general"
    return "intelligent"


# Large-model families by origin, for Token and model-service lines (Wuhan pays Token services
# only for domestic models, POLICIES.md reading 3). Checked against the line's spec and name.
_DOMESTIC_MODELS = ("DEEPSEEK", "QWEN", "通义", "文心", "ERNIE", "GLM", "智谱", "KIMI", "MOONSHOT",
                    "豆包", "DOUBAO", "混元", "HUNYUAN", "百川", "BAICHUAN", "MINIMAX", "星火",
                    "盘古", "YI-", "零一", "阶跃", "STEP-", "国产")
_FOREIGN_MODELS = ("GPT", "OPENAI", "CLAUDE", "GEMINI", "LLAMA", "MISTRAL", "GROK")


def model_origin(*texts: str) -> bool | None:
    """True for a domestic model, False for a foreign one, None when the text does not say."""
    text = unicodedata.normalize("NFKC", " ".join(texts)).upper()
    if any(w in text for w in _FOREIGN_MODELS):
        return False
    if any(w.upper() in text for w in _DOMESTIC_MODELS):
        return True
    return None
