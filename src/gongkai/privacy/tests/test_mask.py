"""Masking (去标识化, 国办发〔2016〕80号): keep what routes a record, hide what identifies a person."""

import pytest

from gongkai.privacy import Finding, detect, mask, mask_finding
from gongkai.privacy.mask import address_prefix

from .samples import DOCUMENTS


@pytest.mark.parametrize(
    ("kind", "text", "masked"),
    [
        ("id_card", "44080219850312123X", "440802********123X"),
        ("id_card", "440802850312123", "440802*****2123"),
        ("mobile", "13812345678", "138****5678"),
        ("mobile", "138-1234-5678", "138-****-5678"),
        ("mobile", "139 0759 1234", "139 **** 1234"),
        ("mobile", "+86 13812345678", "+86 138****5678"),
        ("mobile", "8613812345678", "86138****5678"),
        ("bank_card", "6222021234567890128", "622202*********0128"),
        ("bank_card", "6217 0000 1234 5670", "6217 00** **** 5670"),
        ("bank_card", "4367-4200-1234-5673", "4367-42**-****-5673"),
        ("landline", "0759-3183120", "0759-*****20"),
        ("landline", "(0759)2281234", "(0759)*****34"),
        ("landline", "（020）83456789", "（020）******89"),
        ("landline", "0759 3183120", "0759 *****20"),
        ("email", "ouyang.nana@example.com", "o***@example.com"),
        ("email", "645879355@qq.com", "6***@qq.com"),
        ("plate", "粤G12345", "粤G*****"),
        ("plate", "粤G·D12345", "粤G·******"),
        ("plate", "京A1234警", "京A*****"),
        ("plate", "使014578", "使******"),
        ("name", "张三", "张*"),
        ("name", "陈志明", "陈**"),
        ("name", "欧阳娜娜", "欧阳**"),
        ("name", "诸葛亮", "诸葛*"),
        ("name", "买买提·艾力", "买**·**"),
        ("address", "广东省湛江市赤坎区人民大道南88号", "广东省湛江市赤坎区****"),
        ("address", "广东省遂溪县城月镇东村12号", "广东省遂溪县****"),
        ("address", "北京市海淀区中关村大街1号", "北京市海淀区****"),
        ("address", "吴川市塘尾街道新华路3号", "吴川市****"),
        (
            "address",
            "内蒙古自治区鄂尔多斯市伊金霍洛旗阿镇1号",
            "内蒙古自治区鄂尔多斯市伊金霍洛旗****",
        ),
        ("address", "城月镇东村12号", "****"),
    ],
)
def test_mask_finding(kind, text, masked):
    assert mask_finding(Finding(kind, 0, len(text), text)) == masked


@pytest.mark.parametrize(
    ("address", "prefix"),
    [
        ("广东省湛江市霞山区解放西路25号", "广东省湛江市霞山区"),
        ("湛江市解放西路25号", "湛江市"),
        # The first district-level word ends the prefix even if a later one follows.
        ("上海市徐汇区漕河泾开发区1号", "上海市徐汇区"),
        ("解放西路25号", ""),
    ],
)
def test_address_prefix(address, prefix):
    assert address_prefix(address) == prefix


@pytest.mark.parametrize(
    ("name", "text", "masked"),
    [(n, t, m) for n, t, _, m in DOCUMENTS],
    ids=[d[0] for d in DOCUMENTS],
)
def test_mask_documents(name, text, masked):
    assert mask(text) == masked
    # Passing the findings explicitly gives the same result.
    assert mask(text, detect(text)) == masked


def test_mask_keeps_text_without_findings():
    text = "根据湛公通〔2017〕12号文件，热线12345。"
    assert mask(text) == text


def test_mask_with_chosen_findings_only():
    text = "手机13812345678，邮箱z@example.com"
    only_mobile = [f for f in detect(text) if f.type == "mobile"]
    assert mask(text, only_mobile) == "手机138****5678，邮箱z@example.com"
