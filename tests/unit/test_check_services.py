"""What an invoice line is for, read from its name, specification and unit."""

from __future__ import annotations

from slq_desk.checks.prices import find_model
from slq_desk.checks.services import compute_class_of, item_label, model_origin, service_of


def test_service_from_the_line() -> None:
    assert item_label("*信息技术服务*算力租赁服务") == "算力租赁服务"
    assert service_of("*信息技术服务*算力租赁服务", "昇腾910B", "卡时") == "compute"
    assert service_of("*信息技术服务*存储服务") == "storage"
    assert service_of("*信息技术服务*网络带宽服务") == "network"
    assert service_of("*信息技术服务*技术支持服务") == "tech_support"
    assert service_of("*信息技术服务*大模型API调用服务", "DeepSeek-V3", "百万Tokens") == "token"
    assert service_of("*信息技术服务*信息技术服务") == "other"
    assert service_of("服务费", "NVIDIA H100") == "compute"


def test_compute_class_and_model_origin() -> None:
    assert compute_class_of("算力租赁服务", "昇腾910B") == "intelligent"
    assert compute_class_of("通用算力云主机", "8核CPU") == "general"
    assert compute_class_of("超算中心机时") == "supercomputing"
    assert model_origin("DeepSeek-V3") is True and model_origin("GPT-4o") is False
    assert model_origin("某模型") is None


def test_reference_table_matches_the_longest_name() -> None:
    model = find_model("NVIDIA A800 80GB")
    assert model is not None and model.model == "NVIDIA A800" and not model.domestic
    assert find_model("昇腾 910B") is not None and find_model("未知卡") is None
