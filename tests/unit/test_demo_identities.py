"""Made-up parties carry identifiers that validate (or, where planted, fail) like real ones."""

from __future__ import annotations

import random

from stdnum.cn import ric, uscc

from slq_desk.demo.identities import CITIES, corrupt_uscc, make_company, org_check_digit, org_code


def test_companies_have_valid_usccs_and_ids() -> None:
    rng = random.Random("identities")
    for _ in range(30):
        for city in CITIES:
            company = make_company(rng, city)
            assert uscc.is_valid(company.uscc), company.uscc
            assert company.uscc[2:8] == CITIES[city].division
            assert ric.is_valid(company.legal_rep_id), company.legal_rep_id
            assert len(company.shareholders) == 3


def test_org_code_check_digit_follows_gb11714() -> None:
    # The organisation code inside python-stdnum's USCC example 91110000600037341L.
    assert org_check_digit("60003734") == "1"
    rng = random.Random(3)
    for _ in range(200):
        code = org_code(rng)
        assert len(code) == 9
        assert code[8] == org_check_digit(code[:8])


def test_corrupted_uscc_fails_only_on_its_check_character() -> None:
    good = make_company(random.Random(5), "wuhan").uscc
    bad = corrupt_uscc(good)
    assert bad[:17] == good[:17]
    assert bad != good
    assert not uscc.is_valid(bad)
