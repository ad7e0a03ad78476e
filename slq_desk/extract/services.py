"""Which service a contract or invoice line is: compute, storage, network, … from its name.

The policies subsidise compute (and some Token / model / adaptation services) and exclude
storage, network, database and security lines (成都 第八条, 湖南 三(二), 北京 一(五)), so
every line is tagged. The most specific words come first: "算力适配技术支持服务" is support,
not compute, although it says 算力.
"""

from __future__ import annotations

import re

from slq_desk.extract.normalise import compact

SERVICE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("tech_support", ("技术支持", "运维服务", "技术服务费", "咨询")),
    ("adaptation", ("适配", "迁移")),
    ("storage", ("存储",)),
    ("network", ("带宽", "网络", "专线", "流量", "CDN")),
    ("database", ("数据库",)),
    ("security", ("安全", "防护", "等保", "加密")),
    ("token", ("token", "Token", "TOKEN", "词元")),
    ("model", ("模型服务", "模型调用", "模型API", "模型推理服务", "MaaS")),
    ("compute", ("算力", "智算", "GPU", "NPU", "卡时", "租赁", "裸金属", "训练", "推理", "超算")),
)


def service_of(name: str) -> str:
    text = compact(name)
    for service, words in SERVICE_WORDS:
        if any(re.search(re.escape(w), text) for w in words):
            return service
    return "other"
