"""The official format as data: 国办公开办函〔2021〕30号 and 〔2019〕60号."""

from gongkai.reports import format as fmt


def test_sections_are_the_six_official_headings():
    assert [s.label for s in fmt.SECTIONS] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]


def test_outcome_leaves_2021_split_other_processing_in_three():
    # （一）1 +（二）1 +（三）8 +（四）3 +（五）5 +（六）3
    assert len(fmt.OUTCOME_LEAVES) == 21
    assert fmt.OUTCOME_LEAVES[:3] == ("granted", "partial", "withheld.state_secret")
    assert fmt.OUTCOME_LEAVES[-3:] == ("other.no_supplement", "other.no_fee", "other.other")


def test_outcome_leaves_2019_have_other_processing_as_one_line():
    assert len(fmt.OUTCOME_LEAVES_2019) == 19
    assert fmt.OUTCOME_LEAVES_2019[-1] == "other"
    assert fmt.OUTCOME_LEAVES_2019[:-1] == fmt.OUTCOME_LEAVES[:-3]


def test_data_rows_frame_the_outcomes():
    rows = fmt.FORMATS[fmt.FORMAT_2021].data_rows
    assert rows[:2] == ("received", "carried_in")
    assert rows[-2:] == ("total", "carried_out")
    assert len(rows) == 25


def test_every_parent_is_a_group_row_of_the_same_format():
    for rows in (fmt.SECTION3_ROWS, fmt.SECTION3_ROWS_2019):
        groups = {r.code for r in rows if not r.is_leaf}
        assert {r.parent for r in rows if r.parent} <= groups
        assert len({r.code for r in rows}) == len(rows)


def test_labels_are_the_official_texts():
    assert fmt.label("withheld.three_safeties") == "3.危及“三安全一稳定”"
    assert fmt.label("partial") == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert fmt.label("other.no_fee") == (
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    )
    assert fmt.label("total") == "（七）总计"
    assert fmt.column_label("total") == "总计"
    assert fmt.label("legal_services") == "法律服务机构"
    assert fmt.label("review.upheld") == "行政复议结果维持"
    assert fmt.row("other").is_leaf is False  # the 2021 group, not the 2019 leaf


def test_applicant_columns_and_parts():
    assert [c.code for c in fmt.APPLICANT_COLUMNS] == [
        "natural_person", "commercial", "research", "public_interest", "legal_services",
        "other_org", "total",
    ]  # fmt: skip
    assert fmt.APPLICANT_PARTS == tuple(c.code for c in fmt.APPLICANT_COLUMNS[:6])
    assert {c.group for c in fmt.APPLICANT_COLUMNS[1:6]} == {"法人或其他组织"}


def test_section4_has_fifteen_columns_in_official_order():
    codes = [c.code for c in fmt.SECTION4_COLUMNS]
    assert len(codes) == 15
    assert codes[:5] == [
        "review.upheld", "review.corrected", "review.other", "review.pending", "review.total",
    ]  # fmt: skip
    assert codes[5] == "litigation_direct.upheld"
    assert codes[14] == "litigation_after_review.total"
