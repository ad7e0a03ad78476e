"""Made-up companies and people with well-formed identifiers.

USCCs (统一社会信用代码) carry a correct GB 11714 organisation-code check digit and a correct
GB 32100 check character (python-stdnum computes it), resident ID numbers a correct GB 11643
check digit: checks that validate identifiers must pass on clean packages and fail only where a
flaw is planted (``corrupt_uscc``). All names are invented; any likeness is accidental.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from stdnum.cn import ric, uscc

_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


@dataclass(frozen=True)
class City:
    """Where a party is registered: the division code goes into its USCC and invoice numbers."""

    name: str
    province: str
    division: str  # 6-digit administrative division code (district level)
    districts: tuple[str, ...]
    roads: tuple[str, ...]
    # Birth-place code for resident IDs: python-stdnum validates it against its (older)
    # division table, which lacks many of today's district codes.
    birth_division: str


CITIES: dict[str, City] = {
    "wuhan": City("武汉市", "湖北省", "420106", ("东湖新技术开发区", "洪山区", "江汉区"),
                  ("光谷大道", "高新大道", "关山大道", "珞喻路"), "420121"),
    "dazhou": City("达州市", "四川省", "511702", ("通川区", "达川区", "高新区"),
                   ("西外大道", "朝阳路", "金龙大道"), "510121"),
    "chengdu": City("成都市", "四川省", "510107", ("高新区", "武侯区", "天府新区"),
                    ("天府大道", "益州大道", "吉泰路", "科华南路"), "510122"),
    "hunan": City("长沙市", "湖南省", "430104", ("岳麓区", "雨花区", "长沙县"),
                  ("麓谷大道", "岳麓大道", "东二环", "万家丽路"), "430121"),
    "beijing": City("北京市", "北京市", "110108", ("海淀区", "朝阳区", "亦庄经开区"),
                    ("中关村大街", "上地十街", "北四环西路", "科创十三街"), "110108"),
}

_SURNAMES = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志宏海波宁晨浩宇轩博文思远晓东子涵欣怡梓萱俊杰嘉怡雨桐"
_BRANDS = ("星河", "云帆", "智源", "深算", "天枢", "启明", "瀚海", "麒麟", "澜舟", "极光", "北辰", "凌云",
           "数擎", "算海", "灵犀", "知行", "鸿途", "睿图", "墨子", "九章", "曜石", "青禾", "远望", "磐石")
_TRADES = ("智能科技", "人工智能科技", "信息技术", "数字科技", "智能装备", "软件", "数据科技", "机器人科技")
_SUPPLIER_TRADES = ("智算科技", "云计算", "算力科技", "数据中心", "云科技", "智算中心运营")
_BANKS = ("中国工商银行", "中国建设银行", "中国银行", "中国农业银行", "招商银行", "交通银行", "兴业银行")
_INVESTORS = ("投资管理有限公司", "创业投资合伙企业（有限合伙）", "控股集团有限公司", "科技发展有限公司")


@dataclass(frozen=True)
class Company:
    name: str
    uscc: str
    city_key: str
    address: str
    registered_on: date
    capital_wan: str  # 注册资本（万元）, printed as is
    legal_rep: str
    legal_rep_id: str
    legal_rep_gender: str
    contact: str
    contact_phone: str
    email: str
    bank: str
    account: str
    scope: str
    kind: str = "enterprise"
    sme: bool = True
    shareholders: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (名称, 比例%)

    @property
    def city(self) -> City:
        return CITIES[self.city_key]

    @property
    def bank_branch(self) -> str:
        return f"{self.bank}{self.city.name.removesuffix('市')}{self.city.districts[0][:2]}支行"


def person_name(rng: random.Random) -> str:
    given = rng.choice(_GIVEN) + (rng.choice(_GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(_SURNAMES) + given


def org_code(rng: random.Random) -> str:
    """A 9-character organisation code (8 characters + GB 11714 check digit)."""
    letters = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body = "MA" + "".join(rng.choice(letters) for _ in range(6)) if rng.random() < 0.7 else \
        "".join(rng.choice("0123456789") for _ in range(8))

    return body + org_check_digit(body)


def org_check_digit(body: str) -> str:
    """GB 11714 check digit of an 8-character organisation-code body (letters count A=10 …)."""
    total = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(body, _ORG_WEIGHTS, strict=False))
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def make_uscc(rng: random.Random, division: str) -> str:
    first17 = "91" + division + org_code(rng)
    return first17 + uscc.calc_check_digit(first17)


def corrupt_uscc(code: str) -> str:
    """The same code with a wrong (but well-formed) check character."""
    good = code[-1]
    wrong = _USCC_ALPHABET[(_USCC_ALPHABET.index(good) + 7) % len(_USCC_ALPHABET)]
    return code[:-1] + wrong


def resident_id(rng: random.Random, division: str, born: date, male: bool) -> str:
    seq = rng.randrange(0, 50) * 2 + (1 if male else 0)
    first17 = f"{division}{born:%Y%m%d}{rng.randrange(0, 10)}{seq:02d}"[:17]
    # stdnum's calc_check_digit expects the full 18 characters and ignores the last one.
    return first17 + ric.calc_check_digit(first17 + "0")


def bank_account(rng: random.Random) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(rng.choice((16, 17, 19))))


def phone(rng: random.Random) -> str:
    return "1" + rng.choice("3589") + "".join(str(rng.randrange(10)) for _ in range(9))


def _address(rng: random.Random, city: City) -> str:
    return (f"{city.province if city.province != city.name else ''}{city.name}{rng.choice(city.districts)}"
            f"{rng.choice(city.roads)}{rng.randrange(1, 999)}号{rng.choice(('A', 'B', 'C', ''))}"
            f"{rng.randrange(1, 30)}层{rng.randrange(1, 30):02d}室")


def make_company(rng: random.Random, city_key: str, *, supplier: bool = False,
                 kind: str = "enterprise", sme: bool = True, avoid: set[str] | None = None) -> Company:
    city = CITIES[city_key]
    avoid = avoid or set()
    short = city.name.removesuffix("市")
    while True:
        brand = rng.choice(_BRANDS)
        trade = rng.choice(_SUPPLIER_TRADES if supplier else _TRADES)
        if kind == "new_rnd_institution":
            name = f"{short}{brand}人工智能研究院"
        else:
            name = f"{short}{brand}{trade}有限公司"
        if name not in avoid:
            break
    male = rng.random() < 0.6
    born = date(1965, 1, 1) + timedelta(days=rng.randrange(0, 365 * 25))
    rep = person_name(rng)
    email_user = "".join(rng.choice("abcdefghkmnpqrstwxyz") for _ in range(6))
    scope = ("一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；云计算装备技术服务；"
             "数据处理和存储支持服务；信息系统集成服务" if supplier else
             "一般项目：人工智能应用软件开发；人工智能基础软件开发；软件开发；信息技术咨询服务；"
             "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广")
    shares = _shareholders(rng, city_key, rep)
    return Company(
        name=name,
        uscc=make_uscc(rng, city.division),
        city_key=city_key,
        address=_address(rng, city),
        registered_on=date(2012, 1, 1) + timedelta(days=rng.randrange(0, 365 * 11)),
        capital_wan=str(rng.choice((500, 1000, 2000, 3000, 5000, 10000))),
        legal_rep=rep,
        legal_rep_id=resident_id(rng, city.birth_division, born, male),
        legal_rep_gender="男" if male else "女",
        contact=person_name(rng),
        contact_phone=phone(rng),
        email=f"{email_user}@{rng.choice(('163.com', 'qq.com', 'foxmail.com', 'aliyun.com'))}",
        bank=rng.choice(_BANKS),
        account=bank_account(rng),
        scope=scope,
        kind=kind,
        sme=sme,
        shareholders=shares,
    )


def _shareholders(rng: random.Random, city_key: str, rep: str) -> tuple[tuple[str, str], ...]:
    short = CITIES[city_key].name.removesuffix("市")
    first = rng.randrange(35, 61)
    second = rng.randrange(10, min(30, 90 - first))
    third = rng.randrange(5, min(15, 100 - first - second))
    return (
        (rep, f"{first}.00"),
        (f"{short}{rng.choice(_BRANDS)}{rng.choice(_INVESTORS)}", f"{second}.00"),
        (person_name(rng), f"{third}.00"),
    )


def with_shareholder(company: Company, holder: str, share: str) -> Company:
    """The company with ``holder`` as its second-largest shareholder (related-party flaw)."""
    shares = list(company.shareholders)
    shares[1] = (holder, share)
    return replace(company, shareholders=tuple(shares))
