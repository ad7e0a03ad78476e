"""The second-author corpus generator; run it as ``python tests/corpus/build.py OUT_DIR``.

Writes twelve submission packages (folders and GBK-named zips) across the five policies, a
folder of loose single documents, and ``truth.json`` (see TRUTH.md). Deterministic: the same
code writes the same bytes. Independent of ``slq_desk.demo`` and ``slq_desk.extract`` by
construction (it imports nothing from ``slq_desk``).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from tests.corpus import docs_bank, docs_contract, docs_invoice, docs_misc
from tests.corpus.model import (
    Case,
    Company,
    Doc,
    Invoice,
    InvoiceItem,
    Line,
    Payment,
    UsageRow,
)
from tests.corpus.pdfkit import scan_pdf
from tests.corpus.values import id_number, luhn_digit, plain, uscc

D = Decimal
TRUTH_VERSION = 1


# -- companies ------------------------------------------------------------------------------

def _account(prefix: str, n: int) -> str:
    digest = hashlib.sha256(f"account:{n}".encode()).hexdigest()
    digits = "".join(str(int(ch, 16) % 10) for ch in digest)
    body = prefix + digits[: 18 - len(prefix)]
    return body + luhn_digit(body)


def _co(name: str, short: str, region: str, body: str, address: str, rep: str, born: date,
        bank: str, acct: int, founded: date, capital: str, phone: str, contact: str = "王磊",
        shareholders: tuple[tuple[str, str], ...] = (), scope: str = "") -> Company:
    return Company(
        name=name, short=short, uscc=uscc(region, body), address=address, legal_rep=rep,
        legal_rep_id=id_number(region, born, int(body[-3:]) % 999 + 1),
        bank=bank, account=_account(bank_prefix(bank), acct), founded=founded, capital=capital,
        phone=phone, contact=contact, shareholders=shareholders,
        scope=scope or "人工智能应用软件开发；人工智能基础软件开发；信息技术咨询服务；数据处理和存储支持服务。",
    )


def bank_prefix(bank: str) -> str:
    for key, prefix in (("工商", "3202"), ("建设", "4200"), ("农业", "1705"), ("招商", "1279"),
                        ("中国银行", "5612"), ("交通", "4210"), ("兴业", "4161"), ("浦东", "7601")):
        if key in bank:
            return prefix
    return "6222"


def companies() -> dict[str, Company]:
    c = {}
    c["xinghe"] = _co("武汉星河智能科技有限公司", "星河智能", "420106", "55102938", "湖北省武汉市武昌区中北路108号楚商大厦17层",
                      "陈志远", date(1979, 4, 12), "中国工商银行股份有限公司武汉中南路支行", 11, date(2017, 6, 23),
                      "2000万元人民币", "027-87651234", "刘晓敏")
    c["guanggu"] = _co("武汉光谷智算运营有限公司", "光谷智算", "420111", "66231457", "湖北省武汉市东湖新技术开发区高新大道999号",
                       "周建国", date(1972, 9, 3), "中国建设银行股份有限公司武汉光谷支行", 22, date(2021, 3, 18),
                       "10000万元人民币", "027-59871111", "胡凯")
    c["yunfan"] = _co("武汉云帆数据服务有限公司", "云帆数据", "420103", "71294036", "湖北省武汉市江汉区建设大道568号新世界国贸大厦I座32层",
                      "黄思琪", date(1986, 11, 30), "中国农业银行股份有限公司武汉江汉支行", 33, date(2019, 8, 8),
                      "500万元人民币", "027-85550123", "吴涛")
    c["changjiang"] = _co("湖北长江算力科技有限公司", "长江算力", "420100", "80917325", "湖北省武汉市江岸区沿江大道188号",
                          "谭海涛", date(1975, 2, 14), "招商银行股份有限公司武汉分行营业部", 44, date(2020, 12, 1),
                          "5000万元人民币", "027-82776600", "彭丽")
    c["chutian"] = _co("武汉楚天慧图科技有限公司", "楚天慧图", "420111", "39485721", "湖北省武汉市洪山区珞喻路1037号创新大厦B座6楼",
                       "魏振华", date(1983, 7, 7), "招商银行股份有限公司武汉光谷支行", 55, date(2016, 5, 20),
                       "1200万元人民币", "027-87001122", "高原")
    c["chuandong"] = _co("达州川东智造科技有限公司", "川东智造", "511702", "42871360", "四川省达州市通川区西外镇金龙大道66号",
                         "李德明", date(1976, 1, 21), "中国银行股份有限公司达州分行", 66, date(2015, 10, 9),
                         "3000万元人民币", "0818-2661234", "杨帆")
    c["dazhou_sz"] = _co("达州数智算力运营有限公司", "达州数智", "511702", "90318247", "四川省达州市高新区数字经济产业园A栋",
                         "何光明", date(1970, 12, 2), "交通银行股份有限公司达州分行", 77, date(2022, 4, 28),
                         "8000万元人民币", "0818-2998800", "唐静")
    c["bashan"] = _co("达州巴山云智信息技术有限公司", "巴山云智", "511702", "17263548", "四川省达州市达川区三里坪街道滨河路22号",
                      "邓小兵", date(1988, 6, 16), "中国工商银行股份有限公司达州分行", 88, date(2020, 2, 11),
                      "1000万元人民币", "0818-5123456", "蒋丽")
    c["jinjiang"] = _co("成都锦江视算科技有限公司", "锦江视算", "510107", "28374650", "四川省成都市武侯区天府大道中段1268号天府软件园E5栋",
                        "罗文斌", date(1984, 3, 28), "招商银行股份有限公司成都高新支行", 99, date(2018, 9, 3),
                        "800万元人民币", "028-85123456", "赵雪")
    c["tianfu"] = _co("成都天府智算中心运营有限公司", "天府智算", "510100", "63728190", "四川省成都市双流区西航港街道空港一路88号",
                      "冯志刚", date(1969, 8, 19), "中国建设银行股份有限公司成都第二支行", 111, date(2021, 7, 1),
                      "20000万元人民币", "028-61112222", "宋阳")
    c["rongcheng"] = _co("成都蓉城数字孪生技术股份有限公司", "蓉城数字", "510104", "50129384", "四川省成都市锦江区东大街下东大街段199号",
                         "钟明", date(1973, 5, 5), "中国农业银行股份有限公司成都锦江支行", 122, date(2012, 11, 16),
                         "12000万元人民币", "028-86661234", "曾敏")
    c["lugu"] = _co("长沙麓谷智能制造有限公司", "麓谷智造", "430104", "36491827", "湖南省长沙市岳麓区麓谷大道627号长海创业基地3栋",
                    "曹建华", date(1978, 10, 10), "中国工商银行股份有限公司长沙麓山支行", 133, date(2014, 4, 15),
                    "5000万元人民币", "0731-88761234", "邹敏",
                    (("曹建华", "42.50"), ("长沙麓谷创业投资有限公司", "25.00"), ("湖南湘江产业基金合伙企业（有限合伙）", "12.30")))
    c["xiangjiang"] = _co("湖南湘江算力科技有限公司", "湘江算力", "430100", "74920163", "湖南省长沙市湘江新区岳麓西大道588号",
                          "欧阳军", date(1971, 3, 3), "中国银行股份有限公司长沙河西支行", 144, date(2021, 1, 6),
                          "15000万元人民币", "0731-82229999", "黎平")
    c["zhuzhou"] = _co("株洲动力谷智能科技有限公司", "动力谷智能", "430200", "85012734", "湖南省株洲市天元区黄河南路198号",
                       "龙海波", date(1981, 12, 24), "交通银行股份有限公司株洲分行", 155, date(2016, 8, 30),
                       "2600万元人民币", "0731-22881234", "贺琳",
                       (("龙海波", "51.00"), ("株洲市天元区产业投资有限公司", "20.00"), ("刘颖", "9.00")))
    c["weilai"] = _co("北京未来具身智能研究院", "未来具身", "110108", "20193847", "北京市海淀区中关村大街27号11层",
                      "孙立新", date(1968, 7, 1), "招商银行股份有限公司北京中关村支行", 166, date(2023, 2, 8),
                      "5000万元人民币", "010-62551234", "马骁",
                      scope="人工智能基础研究；具身智能技术开发；技术服务、技术转让。")
    c["jingxi"] = _co("北京京西智算科技有限公司", "京西智算", "110109", "31827465", "北京市门头沟区石龙经济开发区永安路20号",
                      "吕国强", date(1974, 4, 4), "中国建设银行股份有限公司北京门头沟支行", 177, date(2020, 6, 18),
                      "30000万元人民币", "010-69871234", "付强")
    c["mobai"] = _co("北京墨白智能科技有限公司", "墨白智能", "110108", "47263091", "北京市海淀区上地十街10号院2号楼5层",
                     "秦朗", date(1990, 9, 9), "中国工商银行股份有限公司北京上地支行", 188, date(2021, 11, 11),
                     "300万元人民币", "010-82883456", "韩梅")
    c["yizhuang"] = _co("北京亦庄算力网络有限公司", "亦庄算力", "110115", "58392017", "北京市北京经济技术开发区科创十三街29号",
                        "严肃", date(1966, 2, 20), "中国银行股份有限公司北京经济技术开发区支行", 199, date(2019, 3, 27),
                        "50000万元人民币", "010-67881234", "姜波")
    c["zhixing"] = _co("北京智行大模型科技股份有限公司", "智行大模型", "110108", "69102384", "北京市海淀区知春路63号中国卫星通信大厦18层",
                       "郑浩然", date(1980, 1, 15), "交通银行股份有限公司北京海淀支行", 211, date(2015, 7, 7),
                       "36000万元人民币", "010-62998877", "许诺")
    return c


# -- facts ----------------------------------------------------------------------------------

def _months(start: date, end: date) -> list[tuple[date, date]]:
    out = []
    cur = start
    while cur <= end:
        nxt = date(cur.year + (cur.month == 12), cur.month % 12 + 1, 1)
        out.append((cur, min(nxt - timedelta(days=1), end)))
        cur = nxt
    return out


def _usage(lines: list[Line], start: date, end: date) -> list[UsageRow]:
    """Monthly rows: whole card-hours per month, the remainder in the last month."""
    months = _months(start, end)
    n = len(months)
    compute = [ln for ln in lines if ln.service == "compute"]
    rows = []
    for i, (s, e) in enumerate(months):
        hours = D(0)
        amount = D(0)
        for ln in compute:
            h = (ln.hours / n).to_integral_value(rounding="ROUND_FLOOR")
            if i == n - 1:
                h = ln.hours - h * (n - 1)
            hours += h
            amount += (h * ln.unit_price).quantize(D("0.01"))
        rows.append(UsageRow(s, e, hours, amount))
    return rows


def _invoices(lines: list[Line], splits: list[tuple[date, int, str]], prefix: str, seller_name: str,
              contract: str, old_code: str = "") -> list[Invoice]:
    """``splits``: (issue date, months covered, layout); quantities split pro rata to months."""
    total_months = sum(m for _, m, _ in splits)
    out = []
    for k, (day, m, layout) in enumerate(splits):
        items = []
        for ln in lines:
            q = ln.hours * m / total_months
            amount = (q * ln.unit_price).quantize(D("0.01"))
            label = "*信息技术服务*算力服务费" if ln.service == "compute" else (
                "*信息技术服务*云存储服务费" if ln.service == "storage" else "*电信服务*专线带宽服务费")
            items.append(InvoiceItem(label, ln.card_model or ln.name, ln.unit, q, ln.unit_price, amount,
                                     ln.tax_rate, (amount * ln.tax_rate).quantize(D("0.01"))))
        number = f"{prefix}{k + 1:010d}" if layout == "digital" else f"{int(prefix[-6:]) + k:08d}"
        check = "".join(str((int(c) * 7 + k) % 10) for c in (prefix + "31415926535897932384")[:20])
        out.append(Invoice(layout, number, day, tuple(items), code=old_code if layout == "old" else "",
                           check_code=check if layout == "old" else "", special=(k % 2 == 1),
                           note=f"合同编号：{contract}"))
    return out


def _payments(invoices: list[Invoice], styles: list[str], serial: str, purpose: str,
              lag: int = 5) -> list[Payment]:
    return [Payment(inv.total, inv.issued + timedelta(days=lag + i), f"{serial}{i + 1:04d}", purpose,
                    styles[i % len(styles)]) for i, inv in enumerate(invoices)]


def cases() -> list[Case]:
    c = companies()
    out: list[Case] = []

    # 1 Wuhan: domestic 昇腾910B, tax-excluded base, 30 %, rounded to the thousand.
    lines = [Line("昇腾910B智能算力服务", "compute", "昇腾910B", True, 16, D(36000), "卡时", D("9.50"))]
    k = Case("wuhan-xinghe", "wuhan-2026", c["xinghe"], c["guanggu"], "GGZS-2026-0317", date(2026, 2, 20),
             date(2026, 3, 1), date(2026, 8, 31), lines, [], [], _usage(lines, date(2026, 3, 1), date(2026, 8, 31)),
             "2026-09-15T10:20:00+08:00", datacentre="武汉人工智能计算中心（东湖高新区）",
             expected=D("103000.00"),
             explanation="武汉第七条: base = tax-excluded amount 36,000 卡时 × 9.50 = 342,000.00 (≥ 50,000 threshold); "
                         "昇腾910B is 自主可控 → 30% = 102,600.00; 精确到千元 (reading 1, half-up) → 103,000.00; "
                         "below the 3,000,000 cap.")
    k.invoices = _invoices(lines, [(date(2026, 6, 3), 3, "digital"), (date(2026, 9, 2), 3, "digital")],
                           "2642200000", k.supplier.name, k.contract_number)
    k.payments = _payments(k.invoices, ["icbc", "ccb"], "HQ2026", "算力服务费")
    out.append(k)

    # 2 Wuhan: NVIDIA A800, 20 %, 64,020 → 64,000.
    lines = [Line("A800 GPU算力租赁", "compute", "NVIDIA A800", False, 16, D(21340), "卡时", D("15.00"))]
    k = Case("wuhan-yunfan", "wuhan-2026", c["yunfan"], c["changjiang"], "CJSL-ZL-2026-041", date(2026, 3, 25),
             date(2026, 4, 1), date(2026, 9, 30), lines, [], [], _usage(lines, date(2026, 4, 1), date(2026, 9, 30)),
             "2026-10-09T09:00:00+08:00", datacentre="长江算力武汉临空港智算中心", service_mode="GPU云主机（按卡时计费）",
             purpose="多模态大模型微调训练",
             expected=D("64000.00"),
             explanation="武汉第七条: base tax excluded = 21,340 × 15.00 = 320,100.00; NVIDIA A800 is 非自主可控 → 20% = "
                         "64,020.00; 精确到千元 → 64,000.00.")
    k.invoices = _invoices(lines, [(date(2026, 7, 6), 3, "old"), (date(2026, 10, 8), 3, "digital")],
                           "2642300001", k.supplier.name, k.contract_number, old_code="042002600111")
    k.payments = [Payment(k.total, date(2026, 10, 8), "ABC20261008000917", "算力租赁费", "abc")]
    out.append(k)

    # 3 Wuhan: two compute lines, domestic and not, scanned stamped contract.
    lines = [Line("昇腾910B训练算力", "compute", "昇腾910B", True, 8, D(10000), "卡时", D("10.00")),
             Line("H20推理算力", "compute", "NVIDIA H20", False, 8, D(8000), "卡时", D("12.00"))]
    k = Case("wuhan-chutian", "wuhan-2026", c["chutian"], c["guanggu"], "GGZS-2026-0522", date(2026, 5, 8),
             date(2026, 5, 15), date(2026, 7, 14), lines, [], [], _usage(lines, date(2026, 5, 15), date(2026, 7, 14)),
             "2026-08-01T14:30:00+08:00", datacentre="武汉人工智能计算中心（东湖高新区）", purpose="遥感影像大模型训练与推理",
             service_mode="裸金属服务器租用",
             expected=D("49000.00"),
             explanation="武汉第七条: 昇腾910B 10,000 × 10.00 = 100,000.00 at 30% = 30,000.00; NVIDIA H20 8,000 × 12.00 = "
                         "96,000.00 at 20% = 19,200.00; sum 49,200.00; 精确到千元 → 49,000.00. Threshold: 196,000 ≥ 50,000.")
    k.invoices = _invoices(lines, [(date(2026, 7, 20), 2, "digital")], "2642400002", k.supplier.name, k.contract_number)
    k.payments = _payments(k.invoices, ["cmb"], "CMB8820", "支付算力服务费")
    out.append(k)

    # 4 Dazhou: 海光DCU, 50 % of actual cost (tax included), under the cap.
    lines = [Line("海光DCU智算服务", "compute", "海光DCU Z100", True, 8, D(30000), "卡时", D("6.00"))]
    k = Case("dazhou-chuandong", "dazhou-2026", c["chuandong"], c["dazhou_sz"], "DZSZ-JF-2026-012", date(2026, 3, 28),
             date(2026, 4, 1), date(2026, 12, 31), lines, [], [], _usage(lines, date(2026, 4, 1), date(2026, 12, 31)),
             "2026-04-10T11:00:00+08:00", sme=True, datacentre="达州数字经济产业园智算中心", purpose="工业视觉质检模型训练",
             project="智能制造质检平台",
             expected=D("95400.00"),
             explanation="达州第七条 (征求意见稿, reading 14): base = actual cost with tax (reading 11) = 30,000 × 6.00 = "
                         "180,000.00 + 6% tax 10,800.00 = 190,800.00 (≥ 50,000); 50% = 95,400.00; cap 500,000 not reached; "
                         "contract ends 2026-12-31 (第十一条 ok).")
    k.invoices = _invoices(lines, [(date(2026, 7, 3), 3, "digital"), (date(2026, 10, 9), 3, "digital"),
                                   (date(2026, 12, 31), 3, "digital")], "2651200003", k.supplier.name, k.contract_number)
    k.payments = _payments(k.invoices, ["boc", "bocom"], "DZ2026", "算力服务费")
    out.append(k)

    # 5 Dazhou: 寒武纪MLU370, 50 % capped at 500,000.
    lines = [Line("寒武纪MLU370智能算力", "compute", "寒武纪MLU370-X8", True, 32, D(150000), "卡时", D("7.00"))]
    k = Case("dazhou-bashan", "dazhou-2026", c["bashan"], c["dazhou_sz"], "DZSZ-JF-2026-031", date(2026, 4, 20),
             date(2026, 5, 1), date(2026, 10, 31), lines, [], [], _usage(lines, date(2026, 5, 1), date(2026, 10, 31)),
             "2026-05-06T09:30:00+08:00", datacentre="达州数字经济产业园智算中心", purpose="政务大模型推理服务",
             expected=D("500000.00"),
             explanation="达州第七条: base with tax = 150,000 × 7.00 = 1,050,000.00 + 63,000.00 = 1,113,000.00; 50% = "
                         "556,500.00; capped at 500,000 a year (nothing claimed before) → 500,000.00.")
    k.invoices = _invoices(lines, [(date(2026, 8, 1), 3, "digital"), (date(2026, 11, 2), 3, "digital")],
                           "2651200004", k.supplier.name, k.contract_number)
    k.payments = _payments(k.invoices, ["ccb", "abc"], "BS2026", "购买算力服务")
    out.append(k)

    # 6 Chengdu: SME, domestic 昆仑芯, storage excluded, 60 %.
    lines = [Line("昆仑芯P800智算服务", "compute", "昆仑芯P800", True, 16, D(40000), "卡时", D("8.00")),
             Line("对象存储服务", "storage", "", False, 0, D(300), "TB·月", D("100.00"))]
    k = Case("chengdu-jinjiang", "chengdu-2026", c["jinjiang"], c["tianfu"], "TFZS-2026-HT-0088", date(2026, 2, 10),
             date(2026, 3, 1), date(2026, 8, 31), lines, [], [], _usage(lines, date(2026, 3, 1), date(2026, 8, 31)),
             "2026-09-20T10:00:00+08:00", sme=True, datacentre="成都智算中心（双流）", purpose="城市视觉分析大模型训练",
             expected=D("203520.00"),
             explanation="成都第六、八条: only intelligent compute counts; storage 30,000.00 + 1,800.00 tax excluded. Base = "
                         "40,000 × 8.00 = 320,000.00 + 19,200.00 tax (reading 11) = 339,200.00; 自主可控 50% + SME 10 "
                         "points (reading 5) = 60% → 203,520.00; ≥ 10,000 minimum; < 5,000,000 cap.")
    k.invoices = _invoices(lines, [(date(2026, 6, 2), 3, "digital"), (date(2026, 9, 1), 3, "digital")],
                           "2651000005", k.supplier.name, k.contract_number)
    k.payments = _payments(k.invoices, ["cmb", "icbc"], "JJ2026", "算力及存储服务费")
    out.append(k)

    # 7 Chengdu: not SME, NVIDIA L40S, network excluded, 30 %.
    lines = [Line("L40S GPU算力服务", "compute", "NVIDIA L40S", False, 8, D(25000), "卡时", D("5.60")),
             Line("专线带宽", "network", "", False, 0, D(60), "Mbps·月", D("200.00"))]
    k = Case("chengdu-rongcheng", "chengdu-2026", c["rongcheng"], c["tianfu"], "TFZS-2026-HT-0131", date(2026, 4, 2),
             date(2026, 4, 10), date(2026, 10, 9), lines, [], [], _usage(lines, date(2026, 4, 10), date(2026, 10, 9)),
             "2026-10-20T15:00:00+08:00", datacentre="成都智算中心（双流）", purpose="数字孪生渲染与推理",
             service_mode="GPU云服务器",
             expected=D("44520.00"),
             explanation="成都第六、八条: network line (12,000.00 + 720.00) excluded; base = 25,000 × 5.60 = 140,000.00 + "
                         "8,400.00 = 148,400.00; 非自主可控 30%, not SME → 44,520.00; ≥ 10,000 minimum.")
    k.invoices = _invoices(lines, [(date(2026, 10, 12), 6, "digital")], "2651000006", k.supplier.name, k.contract_number)
    k.payments = _payments(k.invoices, ["abc"], "RC2026", "云服务费")
    out.append(k)

    # 8 Hunan: 昇腾910B in window, 30 %, stamped contract scanned.
    lines = [Line("昇腾910B算力资源", "compute", "昇腾910B", True, 32, D(60000), "卡时", D("9.00"))]
    k = Case("hunan-lugu", "hunan-2026", c["lugu"], c["xiangjiang"], "XJSL-2025-1207", date(2025, 12, 20),
             date(2026, 1, 1), date(2026, 6, 30), lines, [], [], _usage(lines, date(2026, 1, 1), date(2026, 6, 30)),
             "2026-07-15T09:00:00+08:00", sme=True, datacentre="湖南湘江新区智算中心", purpose="工业质检大模型训练推理",
             project="麓谷工业视觉大模型项目", score=86,
             expected=D("171720.00"),
             explanation="湖南三（二）: settled amount with tax (reading 11) = 60,000 × 9.00 = 540,000.00 + 32,400.00 = "
                         "572,400.00, all inside 2025-10-27…2028-10-26; 30% (reading 9) = 171,720.00; < 10,000,000 cap; "
                         "annual purchase ≥ 50,000.")
    k.invoices = _invoices(lines, [(date(2026, 4, 2), 3, "digital"), (date(2026, 7, 1), 3, "digital")],
                           "2643000007", k.supplier.name, k.contract_number)
    k.payments = _payments(k.invoices, ["boc", "icbc"], "LG2026", "算力服务费")
    out.append(k)

    # 9 Hunan: period straddles the window start → prorated by days.
    lines = [Line("寒武纪MLU370算力服务", "compute", "寒武纪MLU370-S4", True, 8, D(36200), "卡时", D("5.00"))]
    k = Case("hunan-zhuzhou", "hunan-2026", c["zhuzhou"], c["xiangjiang"], "XJSL-2025-0826", date(2025, 8, 26),
             date(2025, 9, 1), date(2026, 2, 28), lines, [], [], _usage(lines, date(2025, 9, 1), date(2026, 2, 28)),
             "2026-07-20T16:00:00+08:00", sme=False, datacentre="湖南湘江新区智算中心", purpose="轨道交通装备故障预测模型训练",
             project="动力谷预测性维护项目", score=78,
             expected=D("39750.00"),
             explanation="湖南三 + reading 7: service 2025-09-01…2026-02-28 = 181 days, of which 2025-10-27…2026-02-28 = "
                         "125 days in the window; monthly rows do not give the in-window amount exactly, so prorate: "
                         "(181,000.00 + 10,860.00) × 125/181 = 132,500.00; 30% = 39,750.00. Threshold on the whole "
                         "purchase 191,860.00 (reading 16).")
    k.invoices = _invoices(lines, [(date(2025, 12, 1), 3, "old"), (date(2026, 3, 2), 3, "digital")],
                           "2643000008", k.supplier.name, k.contract_number, old_code="043002500211")
    k.payments = [Payment(k.total, date(2026, 3, 10), "BOCOM2026031000456", "算力服务费（含税）", "bocom")]
    out.append(k)

    # 10 Beijing direction 1: new R&D institution, 50 %.
    lines = [Line("昇腾910B智算资源租赁", "compute", "昇腾910B", True, 64, D(80000), "卡时", D("11.00"))]
    k = Case("beijing-weilai", "beijing-2026", c["weilai"], c["jingxi"], "JXZS-2025-ZL-0930", date(2025, 9, 26),
             date(2025, 10, 1), date(2026, 3, 31), lines, [], [], _usage(lines, date(2025, 10, 1), date(2026, 3, 31)),
             "2026-04-20T10:00:00+08:00", applicant_kind="new_rnd_institution", direction=1,
             datacentre="京西智算中心（门头沟）", purpose="具身智能世界模型训练", project="具身智能世界模型研究",
             model_filing="Beijing-WLJS-202601150001",
             other_support_note="截至本合同签订之日，甲方未就本合同申请国家、市、区级相关算力补贴，亦不存在已申请未发放的情形。",
             expected=D("466400.00"),
             explanation="北京二（一） direction 1: base = rental with tax (reading 11) = 80,000 × 11.00 = 880,000.00 + "
                         "52,800.00 = 932,800.00, all inside 2025-09-08…2026-03-31; 50% = 466,400.00; 二（四） 50% × "
                         "932,800.00 − 0 other support = 466,400.00; cap 30,000,000 → 466,400.00.")
    k.invoices = _invoices(lines, [(date(2026, 1, 5), 3, "digital"), (date(2026, 4, 1), 3, "digital")],
                           "2611000009", k.supplier.name, k.contract_number)
    k.payments = _payments(k.invoices, ["cmb"], "WL2026", "智算资源租赁费")
    out.append(k)

    # 11 Beijing direction 4: straddles the window end; monthly rows give the in-window amount.
    lines = [Line("A100 GPU算力服务", "compute", "NVIDIA A100", False, 16, D(60000), "卡时", D("8.00"))]
    k = Case("beijing-mobai", "beijing-2026", c["mobai"], c["yizhuang"], "YZSL-2026-0105", date(2025, 12, 28),
             date(2026, 1, 1), date(2026, 6, 30), lines, [], [], _usage(lines, date(2026, 1, 1), date(2026, 6, 30)),
             "2026-07-06T09:00:00+08:00", direction=4, datacentre="亦庄智算中心", purpose="法律垂类大模型训练",
             project="墨白法律大模型", model_filing="Beijing-MBZN-202603020017", in_window_amount=D("240000.00"),
             expected=D("25440.00"),
             explanation="北京 direction 4: service 2026-01-01…2026-06-30 straddles the window end 2026-03-31; the "
                         "settlement sheet gives Jan–Mar exactly: 3 × 80,000.00 = 240,000.00 tax excluded (reading 7), "
                         "+ 6% = 254,400.00 with tax (reading 11); 10% = 25,440.00; 二（四） 50% × 254,400.00 = "
                         "127,200.00 not binding; cap 300,000 → 25,440.00.")
    k.invoices = _invoices(lines, [(date(2026, 4, 3), 3, "digital"), (date(2026, 7, 2), 3, "digital")],
                           "2611000010", k.supplier.name, k.contract_number)
    k.payments = _payments(k.invoices, ["boc", "ccb"], "MB2026", "算力服务费")
    out.append(k)

    # 12 Beijing direction 2: ≥ 20,000,000 contract, the 50 % rule binds.
    lines = [Line("海光DCU智算集群租赁", "compute", "海光DCU K100", True, 512, D(2000000), "卡时", D("10.50"))]
    k = Case("beijing-zhixing", "beijing-2026", c["zhixing"], c["jingxi"], "JXZS-2025-ZL-1008", date(2025, 9, 30),
             date(2025, 10, 1), date(2026, 3, 31), lines, [], [], _usage(lines, date(2025, 10, 1), date(2026, 3, 31)),
             "2026-04-25T11:00:00+08:00", direction=2, datacentre="京西智算中心（门头沟）", purpose="工业大模型预训练",
             project="智行工业大模型", model_filing="Beijing-ZXDM-202409120033",
             other_fiscal_support=D("7000000.00"),
             other_support_note="甲方已就本合同获得北京市海淀区算力补贴资金人民币700万元（已发放），除此之外未申请其他国家、市、区级算力补贴。",
             expected=D("4130000.00"),
             explanation="北京 direction 2: contract intelligent-compute total 22,260,000.00 ≥ 20,000,000 (reading 17); "
                         "base with tax = 2,000,000 × 10.50 = 21,000,000.00 + 1,260,000.00 = 22,260,000.00 inside the "
                         "window; 20% = 4,452,000.00 (< 5,000,000 cap); 二（四） 50% × 22,260,000.00 − 7,000,000.00 "
                         "district support = 4,130,000.00 (reading 8) → 4,130,000.00.")
    k.invoices = _invoices(lines, [(date(2025, 12, 31), 3, "digital"), (date(2026, 3, 31), 3, "digital")],
                           "2611000011", k.supplier.name, k.contract_number)
    k.payments = _payments(k.invoices, ["bocom", "icbc"], "ZX2026", "智算集群租赁费")
    out.append(k)
    return out


# -- documents per package -------------------------------------------------------------------

def _scanned(doc: Doc, seed: int, colour: bool = True) -> Doc:
    doc.data = scan_pdf(doc.data, seed, colour=colour)
    doc.scanned_pages = list(range(1, doc.pages + 1))
    doc.style += "+scan"
    return doc


def _letters(k: Case) -> dict[str, Doc]:
    a = k.applicant
    return {
        "integrity": docs_misc.commitment_letter(k, "", "诚信承诺书", [
            f"本单位{a.name}自愿申请算力券支持，现郑重承诺：所提交的全部申报材料真实、准确、完整，不存在虚报、冒领、重复申报等情形；"
            "本单位近三年无重大违法违规记录，未被列入严重失信主体名单。", "如有违反，本单位愿承担相应的法律责任，并退回已获得的全部资金。"],
            "letter-integrity"),
        "truth": docs_misc.commitment_letter(k, "", "材料真实性承诺书", [
            f"{a.name}承诺：本次申领达州市算力券所提交的营业执照、法定代表人身份证明、算力服务合同等全部材料均真实有效，复印件与原件一致。"],
            "letter-truth"),
        "noviolation": docs_misc.commitment_letter(k, "", "无违法违规行为承诺书", [
            f"{a.name}郑重承诺：本单位近三年内在生产经营活动中无重大违法违规行为，未被列入经营异常名录和严重违法失信名单。"],
            "letter-noviolation"),
        "wuhan": docs_misc.commitment_letter(k, "", "承诺函", [
            "武汉市数据局：", f"我单位{a.name}申请武汉市算力券，承诺如下：一、申报材料真实有效；二、所购算力服务真实发生，"
            "不存在虚构交易、关联交易套取补贴等行为；三、同一服务事项未重复享受市级其他财政资金支持。"], "letter-wuhan"),
        "beijing": docs_misc.commitment_letter(k, "", "北京市高精尖产业发展资金承诺书", [
            "本单位拟申请2026年北京市高精尖产业发展资金算力券补贴方向，具体承诺如下：",
            "1.本单位严格遵守国家相关法律法规、政策要求，以及《北京市高精尖产业发展项目资金管理办法》等相关规定。",
            "2.本单位提交的全部材料均真实、准确、有效，申报资格和条件符合指南、通知相关规定。",
            "3.本单位在申报期内未获得其他市级财政资金的相关智能算力支持。"], "letter-beijing-14-4"),
    }


def _named(doc: Doc, name: str) -> Doc:
    doc.name = name
    return doc


def package_docs(k: Case, idx: int) -> list[Doc]:
    a, s = k.applicant, k.supplier
    inv = [docs_invoice.invoice_pdf(i, a, s, "") for i in k.invoices]
    rec = [docs_bank.receipt(k, p, "") for p in k.payments]
    L = _letters(k)
    docs: list[Doc] = []
    if k.id == "wuhan-xinghe":
        docs = [_named(docs_contract.service_contract(k, "", stamp=True, seed=idx), "01 算力服务合同（盖章版）.pdf"),
                _named(L["wuhan"], "02 承诺函.pdf"),
                _named(docs_misc.authorisation_letter(k, ""), "03 授权书.pdf"),
                _named(inv[0], "发票1.pdf"), _named(inv[1], "发票2.pdf"),
                _named(rec[0], "回单 0603.pdf"), _named(rec[1], "回单 0902.pdf"),
                _named(docs_misc.settlement_sheet(k, ""), "结算单.pdf"),
                _named(docs_misc.voucher_certificate(k, "", "WHSLQ-2026-004518", D("150000.00")), "x.pdf")]
    elif k.id == "wuhan-yunfan":
        docs = [_named(docs_contract.lease_contract(k, "", stamp=True, seed=idx), "租赁协议.pdf"),
                _named(docs_invoice.invoice_pdf(k.invoices[0], a, s, ""), "增值税电子普通发票.pdf"),
                _named(docs_invoice.invoice_ofd(k.invoices[1], a, s, ""), "dzfp_" + k.invoices[1].number + ".ofd"),
                _named(docs_invoice.invoice_xml(k.invoices[1], a, s, ""), "dzfp_" + k.invoices[1].number + ".xml"),
                _named(rec[0], "付款凭证.pdf"),
                _named(docs_misc.platform_log(k, ""), "使用记录导出.pdf"),
                _named(L["wuhan"], "承诺函（盖章）.pdf"),
                _named(docs_misc.authorisation_letter(k, ""), "法人授权书.pdf"),
                _named(docs_misc.voucher_certificate(k, "", "WHSLQ-2026-006203", D("70000.00")), "凭证.pdf")]
    elif k.id == "wuhan-chutian":
        docs = [_named(_scanned(docs_contract.purchase_contract(k, "", stamp=True, seed=idx), 301), "scan_0003.pdf"),
                _named(inv[0], "fp.pdf"), _named(rec[0], "招行回单.pdf"),
                _named(docs_misc.settlement_sheet(k, "", with_tax=True), "对账单.pdf"),
                _named(L["wuhan"], "附件2.pdf"), _named(docs_misc.authorisation_letter(k, ""), "附件3.pdf"),
                _named(docs_misc.voucher_certificate(k, "", "WHSLQ-2026-005117", D("50000.00")), "附件5.pdf")]
    elif k.id == "dazhou-chuandong":
        docs = [_named(docs_misc.dazhou_claim_form(k, "", k.expected), "附件1.pdf"),
                _named(docs_contract.techservice_contract(k, "", stamp=True, seed=idx), "技术服务合同.pdf"),
                _named(docs_misc.business_licence(a, ""), "营业执照副本.pdf"),
                _named(_scanned(docs_misc.id_card_copy(a, "", date(1976, 1, 21)), 401, colour=False), "scan_0001.pdf"),
                _named(L["truth"], "真实性承诺.pdf"), _named(L["noviolation"], "无违法违规承诺.pdf"),
                _named(inv[0], "发票-1.pdf"), _named(inv[1], "发票-2.pdf"), _named(inv[2], "发票-3.pdf"),
                _named(rec[0], "回单1.pdf"), _named(rec[1], "回单2.pdf"), _named(rec[2], "回单3.pdf"),
                _named(docs_misc.platform_log(k, ""), "后台日志截图.pdf"),
                _named(docs_misc.subsidy_form(k, "", k.expected, "50%", "达州市算力券兑付申请表", ""), "兑付申请.pdf")]
    elif k.id == "dazhou-bashan":
        docs = [_named(docs_misc.dazhou_claim_form(k, "", D("500000.00")), "申领表.pdf"),
                _named(docs_contract.service_contract(k, "", stamp=False, seed=idx), "合同.pdf"),
                _named(docs_misc.business_licence(a, ""), "执照.pdf"),
                _named(docs_misc.id_card_copy(a, "", date(1988, 6, 16)), "法人身份证.pdf"),
                _named(L["truth"], "承诺书1.pdf"), _named(L["noviolation"], "承诺书2.pdf"),
                _named(inv[0], "电子发票（普通发票）.pdf"), _named(inv[1], "电子发票（增值税专用发票）.pdf"),
                _named(rec[0], "建行回单.pdf"), _named(rec[1], "农行回单.pdf"),
                _named(docs_misc.settlement_sheet(k, ""), "结算确认单.pdf")]
    elif k.id == "chengdu-jinjiang":
        docs = [_named(docs_misc.chengdu_registration_form(k, ""), "登记表.pdf"),
                _named(docs_misc.business_licence(a, ""), "营业执照.pdf"),
                _named(docs_misc.id_card_copy(a, "", date(1984, 3, 28)), "身份证复印件.pdf"),
                _named(L["integrity"], "诚信承诺书.pdf"),
                _named(docs_misc.credit_report(a, "", "XYBG20260918000321", date(2026, 9, 18)), "信用中国报告.pdf"),
                _named(docs_misc.sme_declaration(k, ""), "中小企业声明函.pdf"),
                _named(docs_contract.lease_contract(k, "", stamp=True, seed=idx), "算力合同.pdf"),
                _named(_scanned(inv[0], 601), "发票扫描.pdf"), _named(inv[1], "发票.pdf"),
                _named(rec[0], "支付凭证1.pdf"), _named(rec[1], "支付凭证2.pdf"),
                _named(docs_misc.settlement_sheet(k, ""), "计量日志.pdf"),
                _named(docs_misc.subsidy_form(k, "", k.expected, "60%", "成都市算力券兑付申请表", ""), "兑付申请表.pdf")]
    elif k.id == "chengdu-rongcheng":
        docs = [_named(docs_misc.chengdu_registration_form(k, ""), "01.pdf"),
                _named(docs_misc.business_licence(a, ""), "02.pdf"),
                _named(docs_misc.id_card_copy(a, "", date(1973, 5, 5)), "03.pdf"),
                _named(L["integrity"], "04.pdf"),
                _named(docs_misc.credit_report(a, "", "XYBG20261015004417", date(2026, 10, 15)), "05.pdf"),
                _named(docs_contract.purchase_contract(k, "", stamp=True, seed=idx), "06.pdf"),
                _named(inv[0], "07.pdf"), _named(rec[0], "08.pdf"),
                _named(docs_misc.platform_log(k, ""), "09.pdf")]
    elif k.id == "hunan-lugu":
        docs = [_named(docs_misc.hunan_demand_form(k, "", k.expected), "附件1 需求申请表.pdf"),
                _named(docs_misc.hunan_filing_form(k, ""), "附件2.pdf"),
                _named(_scanned(docs_contract.techservice_contract(k, "", stamp=True, seed=idx), 801), "合同（双方盖章扫描件）.pdf"),
                _named(inv[0], "发票一.pdf"), _named(inv[1], "发票二.pdf"),
                _named(rec[0], "支付凭证-中行.pdf"), _named(rec[1], "支付凭证-工行.pdf"),
                _named(docs_misc.subsidy_form(k, "", k.expected, "30%"), "附件3.pdf"),
                _named(docs_misc.usage_report(k, ""), "附件4.pdf"),
                _named(docs_misc.business_licence(a, ""), "营业执照.pdf")]
    elif k.id == "hunan-zhuzhou":
        docs = [_named(docs_misc.hunan_demand_form(k, "", k.expected), "需求申请表.pdf"),
                _named(docs_contract.lease_contract(k, "", stamp=True, seed=idx), "算力租赁协议.pdf"),
                _named(docs_invoice.invoice_pdf(k.invoices[0], a, s, "", province="湖南"), "湖南增值税电子普通发票.pdf"),
                _named(docs_invoice.invoice_ofd(k.invoices[1], a, s, ""), "发票.ofd"),
                _named(rec[0], "交行回单.pdf"),
                _named(docs_misc.settlement_sheet(k, ""), "月度结算单.pdf"),
                _named(docs_misc.subsidy_form(k, "", k.expected, "30%"), "补贴申报表.pdf"),
                _named(docs_misc.usage_report(k, ""), "使用报告.pdf")]
    elif k.id == "beijing-weilai":
        docs = [_named(docs_contract.service_contract(k, "", stamp=True, seed=idx), "14-1-1 算力合同（用印版）.pdf"),
                _named(docs_misc.model_filing(k, "", k.model_filing, date(2026, 1, 15), "未来具身世界模型"), "14-1-2 登记证明.pdf"),
                _named(docs_misc.supplier_qualification(k, ""), "14-1-3 供给方证明.pdf"),
                _named(inv[0], "14-1-4 发票1.pdf"), _named(inv[1], "14-1-4 发票2.pdf"),
                _named(rec[0], "14-1-4 付款1.pdf"), _named(rec[1], "14-1-4 付款2.pdf"),
                _named(docs_misc.settlement_sheet(k, "", with_tax=True), "14-1-5 结算单.pdf"),
                _named(docs_misc.beijing_usage_table(k, "", k.expected, print_direction=True), "附件14-2.pdf"),
                _named(docs_misc.implementation_report(k, ""), "附件14-3.pdf"),
                _named(L["beijing"], "附件14-4.pdf")]
    elif k.id == "beijing-mobai":
        docs = [_named(docs_contract.techservice_contract(k, "", stamp=True, seed=idx), "合同.pdf"),
                _named(docs_misc.model_filing(k, "", k.model_filing, date(2026, 3, 2), "墨白法律大模型"), "备案.pdf"),
                _named(docs_misc.supplier_qualification(k, ""), "资质.pdf"),
                _named(inv[0], "发票A.pdf"), _named(inv[1], "发票B.pdf"),
                _named(_scanned(rec[0], 1101), "回单扫描.pdf"), _named(rec[1], "回单.pdf"),
                _named(docs_misc.settlement_sheet(k, ""), "结算单.pdf"),
                _named(docs_misc.beijing_usage_table(k, "", k.expected, print_direction=False), "使用情况表.pdf"),
                _named(docs_misc.implementation_report(k, ""), "实施报告.pdf"),
                _named(L["beijing"], "承诺书.pdf")]
    elif k.id == "beijing-zhixing":
        docs = [_named(docs_contract.purchase_contract(k, "", stamp=True, seed=idx), "智算集群租赁合同.pdf"),
                _named(docs_misc.model_filing(k, "", k.model_filing, date(2024, 9, 12), "智行工业大模型"), "模型备案.pdf"),
                _named(docs_misc.supplier_qualification(k, ""), "算力合规证明.pdf"),
                _named(inv[0], "发票（1）.pdf"), _named(inv[1], "发票（2）.pdf"),
                _named(rec[0], "付款证明1.pdf"), _named(rec[1], "付款证明2.pdf"),
                _named(docs_misc.settlement_sheet(k, "", with_tax=True), "平台结算单.pdf"),
                _named(docs_misc.beijing_usage_table(k, "", k.expected, print_direction=True), "算力使用情况表.pdf"),
                _named(docs_misc.implementation_report(k, ""), "项目实施情况报告.pdf"),
                _named(L["beijing"], "高精尖资金承诺书.pdf")]
    return docs


# Packages delivered as zips with GBK-encoded names (as Windows' built-in zip tools write them).
ZIPPED = {"wuhan-yunfan": "云帆数据-算力券申报材料.zip", "dazhou-bashan": "巴山云智申领材料.zip",
          "chengdu-rongcheng": "蓉城数字.zip", "hunan-zhuzhou": "株洲动力谷-算力补贴.zip",
          "beijing-mobai": "墨白智能 算力券申报.zip"}
FOLDERS = {"wuhan-xinghe": "星河智能申报材料", "wuhan-chutian": "楚天慧图", "dazhou-chuandong": "川东智造-算力券",
           "chengdu-jinjiang": "锦江视算 算力券申领", "hunan-lugu": "麓谷智造_湖南算力补贴",
           "beijing-weilai": "未来具身-北京算力券", "beijing-zhixing": "智行大模型（方向二）"}


class _GbkInfo(zipfile.ZipInfo):
    """A zip entry whose name is stored as GBK bytes without the UTF-8 flag (bit 11)."""

    def _encodeFilenameFlags(self) -> tuple[bytes, int]:
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


def write_zip(path: Path, docs: list[Doc], folder: str) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for doc in docs:
            info = _GbkInfo(f"{folder}/{doc.name}", date_time=(2026, 10, 9, 9, 30, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0  # MS-DOS, as Windows writes it
            z.writestr(info, doc.data)


# -- truth ----------------------------------------------------------------------------------

def _application(k: Case) -> dict[str, Any]:
    """The issue-3 calculator input built from the true facts."""
    lines = []
    for ln in k.lines:
        entry: dict[str, Any] = {
            "contract": k.contract_number, "service": ln.service,
            "compute_class": "intelligent" if ln.service == "compute" else None,
            "domestic": ln.domestic, "amount": plain(ln.amount), "tax": plain(ln.tax),
            "period_start": k.term_start.isoformat(), "period_end": k.term_end.isoformat(),
        }
        if k.in_window_amount is not None and ln.service == "compute":
            entry["in_window_amount"] = plain(k.in_window_amount)
        if entry["compute_class"] is None:
            del entry["compute_class"]
        lines.append(entry)
    return {
        "id": k.id, "policy": k.policy, "claimed_at": k.claimed_at,
        "applicant": {"name": k.applicant.name, "uscc": k.applicant.uscc, "kind": k.applicant_kind,
                      "sme": k.sme, "received_this_year": plain(k.received_this_year)},
        "direction": k.direction, "score": k.score,
        "contracts": [{"id": k.contract_number, "total": plain(k.total), "signed_on": k.signed.isoformat(),
                       "other_fiscal_support": plain(k.other_fiscal_support)}],
        "lines": lines,
    }


def _facts(k: Case) -> dict[str, Any]:
    return {
        "policy": k.policy, "applicant_name": k.applicant.name, "applicant_id": k.applicant.uscc,
        "applicant_kind": k.applicant_kind, "sme": "true" if k.sme else "false",
        "supplier_name": k.supplier.name, "supplier_id": k.supplier.uscc,
        "contract_number": k.contract_number, "contract_total": plain(k.total),
        "contract_amount_excl_tax": plain(k.amount), "contract_tax": plain(k.tax),
        "compute_total": plain(sum((ln.total for ln in k.compute_lines), D(0))),
        "excluded_lines": [{"name": ln.name, "service": ln.service, "amount": plain(ln.amount), "tax": plain(ln.tax)}
                           for ln in k.lines if ln.service != "compute"],
        "invoiced_total": plain(sum((i.total for i in k.invoices), D(0))),
        "invoiced_amount": plain(sum((i.amount for i in k.invoices), D(0))),
        "invoiced_tax": plain(sum((i.tax for i in k.invoices), D(0))),
        "paid_total": plain(k.paid), "period_start": k.term_start.isoformat(), "period_end": k.term_end.isoformat(),
        "signed_on": k.signed.isoformat(), "card_model": k.card_model,
        "domestic": {ln.card_model: ln.domestic for ln in k.compute_lines},
        "card_hours": f"{k.card_hours.normalize():f}",
        "direction": str(k.direction) if k.direction else None,
        "other_fiscal_support": plain(k.other_fiscal_support),
        "in_window_amount_excl_tax": plain(k.in_window_amount) if k.in_window_amount is not None else None,
        "received_this_year": plain(k.received_this_year),
    }


def _doc_truth(doc: Doc, path: str, member: str | None, package: str | None) -> dict[str, Any]:
    entry: dict[str, Any] = {"path": path}
    if member is not None:
        entry["member"] = member
        entry["member_name_encoding"] = "gbk"
    entry.update({
        "package": package, "kind": doc.kind, "format": doc.fmt, "pages": doc.pages, "style": doc.style,
        "scanned_pages": doc.scanned_pages, "fields": doc.fields,
        "field_pages": doc.field_pages if doc.fmt == "pdf" else {},
        "scanned_fields": sorted(k for k, p in doc.field_pages.items() if p in doc.scanned_pages)
        if doc.fmt == "pdf" else [],
        "items": doc.items, "rows": doc.rows,
    })
    if doc.note:
        entry["note"] = doc.note
    return entry


def loose_docs(all_cases: list[Case]) -> list[Doc]:
    """Single documents outside any package: meaningless and misleading names, OFD/XML, scans."""
    by = {k.id: k for k in all_cases}
    wx, dz, cd, bj = by["wuhan-xinghe"], by["dazhou-bashan"], by["chengdu-jinjiang"], by["beijing-mobai"]
    c = companies()
    extra_case = replace(by["hunan-lugu"], id="loose-hunan")
    extra_inv = Invoice("digital", "26430000000123450012", date(2026, 11, 3), (
        InvoiceItem("*信息技术服务*算力服务费", "昇腾910B", "卡时", D(5000), D("9"), D("45000.00"), D("0.06"), D("2700.00")),
        InvoiceItem("*信息技术服务*模型推理服务费", "DeepSeek-R1 API", "百万Tokens", D(1200), D("16"), D("19200.00"), D("0.06"), D("1152.00")),
    ), special=True, note="合同编号：XJSL-2026-1101")
    old_inv = Invoice("old", "71830027", date(2026, 1, 12), (
        InvoiceItem("*信息技术服务*GPU云服务器租用", "NVIDIA L40S", "卡时", D(3000), D("5.6"), D("16800.00"), D("0.06"), D("1008.00")),
    ), code="051002500311", check_code="60718293041526374859", note="")
    docs = [
        _named(docs_misc.voucher_certificate(wx, "", "WHSLQ-2026-009921", D("80000.00")), "x.pdf"),
        _named(_scanned(docs_misc.id_card_copy(c["yunfan"], "", date(1986, 11, 30), "女"), 9001, colour=False), "scan_0001.pdf"),
        _named(docs_misc.dazhou_claim_form(dz, "", D("500000.00")), "附件1.pdf"),
        _named(docs_bank.receipt(cd, cd.payments[0], ""), "发票.pdf"),  # misleading: a bank receipt
        _named(docs_misc.credit_report(c["mobai"], "", "XYBG20260704001188", date(2026, 7, 4)), "合同扫描件.pdf"),  # misleading
        _named(docs_misc.business_licence(c["guanggu"], ""), "0412.pdf"),
        _named(docs_invoice.invoice_xml(extra_inv, extra_case.applicant, extra_case.supplier, ""), "26430000000123450012.xml"),
        _named(docs_invoice.invoice_ofd(extra_inv, extra_case.applicant, extra_case.supplier, ""), "26430000000123450012.ofd"),
        _named(docs_invoice.invoice_pdf(extra_inv, extra_case.applicant, extra_case.supplier, ""), "26430000000123450012.pdf"),
        _named(_scanned(docs_invoice.invoice_pdf(old_inv, c["rongcheng"], c["tianfu"], "", province="四川"), 9002), "scan_0002.pdf"),
        _named(docs_invoice.invoice_ofd(old_inv, c["rongcheng"], c["tianfu"], "", province="四川"), "四川增值税电子普通发票.ofd"),
        _named(docs_misc.sme_declaration(by["chengdu-jinjiang"], ""), "声明.pdf"),
        _named(docs_misc.model_filing(bj, "", bj.model_filing, date(2026, 3, 2), "墨白法律大模型"), "截图20260302.pdf"),
    ]
    return docs


def build(out: Path) -> Path:
    """Write the corpus into ``out`` (emptied first if it holds a previous corpus)."""
    out = Path(out)
    if (out / "truth.json").exists():
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    all_cases = cases()
    doc_truths: list[dict[str, Any]] = []
    pkg_truths: list[dict[str, Any]] = []
    for idx, k in enumerate(all_cases, 1):
        docs = package_docs(k, idx)
        names = [d.name for d in docs]
        assert len(set(names)) == len(names), k.id
        if k.id in ZIPPED:
            zname = ZIPPED[k.id]
            folder = zname.removesuffix(".zip")
            write_zip(out / zname, docs, folder)
            paths = [(zname, f"{folder}/{d.name}") for d in docs]
            container = "zip"
            location = zname
        else:
            folder = FOLDERS[k.id]
            (out / folder).mkdir()
            for d in docs:
                (out / folder / d.name).write_bytes(d.data)
            paths = [(f"{folder}/{d.name}", None) for d in docs]
            container = "dir"
            location = folder
        for d, (p, m) in zip(docs, paths, strict=True):
            doc_truths.append(_doc_truth(d, p, m, k.id))
        pkg_truths.append({
            "id": k.id, "path": location, "container": container, "policy": k.policy,
            "documents": [{"path": p, "member": m} if m else {"path": p} for p, m in paths],
            "facts": _facts(k), "application": _application(k),
            "expected_subsidy": plain(k.expected), "explanation": k.explanation,
        })
    (out / "散件").mkdir()
    for d in loose_docs(all_cases):
        (out / "散件" / d.name).write_bytes(d.data)
        doc_truths.append(_doc_truth(d, f"散件/{d.name}", None, None))
    truth = {"version": TRUTH_VERSION, "generator": "tests/corpus/build.py",
             "documents": doc_truths, "packages": pkg_truths}
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return out
