"""The law as tables: processing-fee tiers (国办函〔2020〕109号 art. 4), identity numbers."""

import pytest

from gongkai.foi import law
from gongkai.foi.tests.factories import resident_id
from gongkai.foi.validators import is_valid_resident_id


@pytest.mark.parametrize(
    ("pages", "fee"),
    [
        (0, 0),
        (30, 0),  # "30页以下（含30页）的，不收费"
        (31, 10),  # "31—100页（含100页）的部分：10元/页"
        (100, 700),
        (101, 720),  # "101—200页（含200页）的部分：20元/页"
        (200, 2700),
        (201, 2740),  # "200页以上的部分：40元/页"
        (250, 4700),
    ],
)
def test_fee_per_pages_is_progressive(pages, fee):
    assert law.fee_per_pages(pages) == fee


@pytest.mark.parametrize(
    ("ordinal", "rate", "total"),
    [
        (1, 0, 0),
        (10, 0, 0),  # "10件以下（含10件）的，不收费"
        (11, 100, 100),  # "11—30件（含30件）的部分：100元/件"
        (30, 100, 2000),
        (31, 200, 2200),  # "31件以上的部分，以10件为一档，每增加一档，收费标准提高100元/件"
        (40, 200, 4000),
        (41, 300, 4300),
        (50, 300, 7000),
        (51, 400, 7400),
    ],
)
def test_fee_per_applications_bands(ordinal, rate, total):
    assert law.application_rate(ordinal) == rate
    assert law.fee_per_applications(ordinal) == total


def test_fee_functions_refuse_negative_quantities():
    with pytest.raises(ValueError):
        law.fee_per_pages(-1)
    with pytest.raises(ValueError):
        law.application_rate(0)


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("11010519491231002X", True),  # the example of GB 11643-1999
        ("110105194912310021", False),  # wrong check character
        ("11010519491331002X", False),  # month 13
        ("11010519491231002", False),  # 17 characters
        ("1101051949123100AX", False),  # letters in the body
        (resident_id("44030119900101123"), True),
    ],
)
def test_resident_id_check_character_gb_11643(number, valid):
    assert is_valid_resident_id(number) is valid


def test_fee_pause_setting_defaults_to_true(settings):
    del settings.GONGKAI_FOI_FEE_PAUSES_CLOCK
    assert law.fee_notice_pauses_clock() is True
    settings.GONGKAI_FOI_FEE_PAUSES_CLOCK = False
    assert law.fee_notice_pauses_clock() is False


# Issue 11 point 9: every clock rule disclosure on request and its neighbours lean on cites
# its real source (checked against the documents' texts, quoted in core/law.py).
@pytest.mark.parametrize(
    ("rule", "amount", "source"),
    [
        ("foi_reply", 20, "《政府信息公开条例》第三十三条第二款"),
        ("foi_supplement_notice", 7, "《政府信息公开条例》第三十条"),
        ("foi_third_party", 15, "《政府信息公开条例》第三十二条"),
        ("foi_other_agency", 15, "《政府信息公开条例》第三十四条"),
        ("foi_fee_payment", 20, "国办函〔2020〕109号第八条"),
        # 《关于在政务公开工作中进一步做好政务舆情回应的通知》: "最迟要在5小时内发布权威信息，在24小时内
        # 举行新闻发布会"; "对其他政务舆情应在48小时内予以回应".
        ("incident_information", 5, "国办发〔2016〕61号"),
        ("incident_press_conference", 24, "国办发〔2016〕61号"),
        ("incident_response", 48, "国办发〔2016〕61号"),
    ],
)
def test_clock_rules_cite_their_sources(rule, amount, source):
    from gongkai.core.law import clock_rule

    found = clock_rule(rule)
    assert found.amount == amount
    assert found.source.startswith(source)


def test_business_drafts_cite_the_business_environment_regulation():
    from gongkai.participation import law as participation_law

    # 《优化营商环境条例》 (国务院令第722号) art. 62: "向社会公开征求意见的期限一般不少于30日".
    rule = participation_law.CONSULTATION_MINIMUMS["normative_business"]
    assert (rule.amount, rule.source.split("（")[0]) == (30, "《优化营商环境条例》第六十二条")
