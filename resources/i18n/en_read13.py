"""English for the checklist's document kind notes (issue 13: classification reasons shown)."""

EN = {
    "类型经人工认定": "Kind set by a person",
    "识别置信度 {0}%": "Recognised with {0}% confidence",
    "材料类型由 {0} 人工认定": "Document kind set by {0}",
    "审核人": "a reviewer",
    "识别依据：{0}\n置信度：{1}%": "Recognised by: {0}\nConfidence: {1}%",
    "置信度低，请核对材料类型": "Low confidence: check the document kind",
}
