"""Why a signed PDF or an imported opinion is refused: one code per reason, in one table.

Every refusal by ``slq-desk verify``, ``panel verify`` and ``panel import`` carries one of these
codes with a Chinese and an English sentence, so a person reads why and a script (or a test)
can tell one attack from another without parsing prose. The README's Security section lists the attacks
and the code each one meets.
"""

from __future__ import annotations

from dataclasses import dataclass

# code → (Chinese, English). The English sentences are stable: tests and scripts match them.
REASONS: dict[str, tuple[str, str]] = {
    # The file itself.
    "FILE_TRUNCATED": ("文件不完整：缺少文件结尾标记，可能被截断",
                       "file truncated: no %%EOF at the end"),
    "PDF_DAMAGED": ("文件已损坏，无法解析", "damaged PDF"),
    "NOT_PDF": ("不是 PDF 文件", "not a PDF file"),
    "SOURCE_UNREADABLE": ("文件无法读取", "file cannot be read"),
    # Signature structure (checked byte by byte before any library's verdict).
    "NO_SIGNATURE": ("文件没有签名", "no signature"),
    "MULTIPLE_SIGNATURES": ("文件含多个签名字典，一份意见只能有一个签名",
                            "more than one signature dictionary: an opinion carries exactly one"),
    "BYTERANGE_MALFORMED": ("签名的 /ByteRange 格式不正确",
                            "malformed /ByteRange: not four offsets starting at 0"),
    "BYTERANGE_GAP": ("签名范围中的空隙不恰好是 /Contents 的十六进制串（疑似签名包裹攻击）",
                      "the gap in /ByteRange is not exactly the <hex> /Contents token "
                      "(signature wrapping)"),
    "BYTERANGE_NOT_EOF": ("签名范围没有覆盖到文件末尾",
                          "/ByteRange does not reach the end of the file"),
    "LATER_REVISION": ("签名后文件又被修改，签名未覆盖整个文件",
                       "file modified after signing: a later revision changes the document"),
    "DOCMDP_VIOLATION": ("认证签名不允许任何修改，但签名后文件被修改或再次签名",
                         "certification (DocMDP P=1) forbids any change or signature after it"),
    "EARLIER_SIGNATURE_INVALID": ("较早的签名无效", "an earlier signature is invalid"),
    # Cryptography.
    "DIGEST_MISMATCH": ("签名后的内容已被改动：摘要不符",
                        "document changed after signing: digest mismatch"),
    "SIGNATURE_INVALID": ("签名值无效", "signature value invalid"),
    "SIGNATURE_UNVERIFIABLE": ("签名无法核验", "signature cannot be validated"),
    # The signer's certificate.
    "NO_SIGNER_CERT": ("签名中没有可用的签名人证书", "no usable signer certificate"),
    "CERT_EXPIRED": ("签名人证书已过期", "signer certificate expired"),
    "CERT_NOT_YET_VALID": ("签名人证书尚未生效", "signer certificate not yet valid"),
    "CERT_NOT_VALID_AT_SIGNING": ("签署时间不在证书有效期内",
                                  "claimed signing time outside the certificate's validity"),
    "SIGNING_TIME_FUTURE": ("签署时间在将来（签名人时钟不可信）",
                            "claimed signing time lies in the future"),
    "CERT_KEY_USAGE": ("证书用途（KeyUsage）不允许数字签名或不可否认",
                       "certificate KeyUsage allows neither digitalSignature nor nonRepudiation"),
    "CERT_EKU": ("证书扩展用途（EKU）不包括文档签名",
                 "certificate ExtendedKeyUsage does not allow document signing"),
    "CERT_WEAK_KEY": ("签名密钥过短", "signer key too weak (RSA below 2048 bits)"),
    "CERT_UNTRUSTED": ("证书链不能验证到已配置的根证书",
                       "certificate chain does not validate against the configured trust roots"),
    # The embedded data.
    "DATA_MISSING": ("文件中没有机器可读的评审数据", "no embedded machine-readable data"),
    "DATA_UNREADABLE": ("评审数据无法读取", "embedded data unreadable"),
    "REVIEWER_MISMATCH": ("评审数据中的评审专家与签名证书不是同一人",
                          "the reviewer named in the data is not the certificate's holder"),
    "PACKAGE_NO_LIST": ("意见表中没有可读的材料清单，不能核对申报材料",
                        "no readable document list to check the package against"),
    "PACKAGE_CHANGED": ("申报材料已改动", "package file changed: SHA-256 differs"),
    "PACKAGE_MISSING": ("申报材料缺失", "listed document not in the package"),
    # Panel import (the chair's workspace).
    "NOT_ON_ROSTER": ("签名证书不在评审组名册中", "signing certificate is not on the panel roster"),
    "CERT_CONFLICT": ("该评审专家此前的意见由另一张证书签署",
                      "an earlier opinion of this reviewer was signed with another certificate"),
    "NOT_EXPERT_OPINION": ("不是专家评审意见", "not an expert opinion"),
    "NO_COI_DECLARATION": ("评审专家未声明无利益冲突",
                           "the reviewer did not declare freedom from conflict"),
    "NO_SCORES": ("意见中没有评分", "the opinion carries no scores"),
    "RUBRIC_UNKNOWN": ("评分表未知，无法核对分值", "unknown rubric: scores cannot be checked"),
    "UNKNOWN_CRITERION": ("意见含评分表中没有的评分项", "criterion not in the rubric"),
    "MISSING_CRITERION": ("意见缺少评分表中的评分项", "a rubric criterion is not scored"),
    "SCORE_OUT_OF_RANGE": ("分值超出评分表允许的范围", "score outside the rubric's range"),
    "TOTAL_MISMATCH": ("总分与各项得分重新计算的结果不符",
                       "total differs from the total recomputed from the scores"),
    "BAD_AMOUNT": ("金额不是精确到分的非负金额", "amount is not a non-negative amount to the fen"),
    "SUPERSEDED_VERSION": ("同一评审已导入更新或相同版本的意见",
                           "a newer or equal version of this review is already imported"),
}


@dataclass(frozen=True)
class Refusal:
    code: str
    detail: str = ""

    @property
    def zh(self) -> str:
        return REASONS[self.code][0]

    @property
    def en(self) -> str:
        return REASONS[self.code][1]

    def text(self) -> str:
        """One line for people: Chinese, English, the detail and the code."""
        detail = f"：{self.detail}" if self.detail else ""
        return f"{self.zh}{detail} ({self.en}) [{self.code}]"

    def to_json(self) -> dict[str, str]:
        return {"code": self.code, "zh": self.zh, "en": self.en, "detail": self.detail}
