"""``gongkai privacy scan FILE [--json]`` and ``gongkai privacy redact FILE``.

``main`` takes the arguments after "privacy", so argv starts at "scan"/"redact".
"""

from __future__ import annotations

import argparse
import json
import sys

from .detect import detect
from .extract import SUPPORTED, UnsupportedFormat, extract_text
from .mask import mask

# Everything a person reads, in one place so it can be translated later.
MESSAGES = {
    "description": "检测并遮蔽文本或附件中的个人信息（去标识化）",
    "scan_help": "列出文件中的个人信息",
    "redact_help": "输出遮蔽个人信息后的文本",
    "file_help": "要处理的文件（.txt、.docx 或 .pdf）",
    "json_help": "以 JSON 数组输出",
    "not_found": "找不到文件：{path}",
    "unreadable": "无法读取文件：{path}（{error}）",
    "unsupported": "不支持的文件格式：{path}（支持 {formats}）",
    "none_found": "未发现个人信息。",
    "line": "{start}-{end}\t{label}\t{text}",
}

TYPE_LABELS = {
    "id_card": "身份证号",
    "mobile": "手机号码",
    "landline": "固定电话",
    "bank_card": "银行卡号",
    "email": "电子邮箱",
    "plate": "车牌号码",
    "name": "姓名",
    "address": "住址",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gongkai privacy", description=MESSAGES["description"])
    commands = parser.add_subparsers(dest="command", required=True)
    scan = commands.add_parser("scan", help=MESSAGES["scan_help"])
    scan.add_argument("file", help=MESSAGES["file_help"])
    scan.add_argument("--json", action="store_true", help=MESSAGES["json_help"])
    redact = commands.add_parser("redact", help=MESSAGES["redact_help"])
    redact.add_argument("file", help=MESSAGES["file_help"])
    return parser


def _read(path: str) -> str | None:
    """The file's text, or None after telling the user why not."""
    try:
        return extract_text(path)
    except FileNotFoundError:
        message = MESSAGES["not_found"].format(path=path)
    except UnsupportedFormat:
        message = MESSAGES["unsupported"].format(path=path, formats="、".join(SUPPORTED))
    except (OSError, ValueError) as exc:
        message = MESSAGES["unreadable"].format(path=path, error=exc)
    print(message, file=sys.stderr)
    return None


def _scan(text: str, as_json: bool) -> None:
    findings = detect(text)
    if as_json:
        rows = [{"type": f.type, "start": f.start, "end": f.end, "text": f.text} for f in findings]
        print(json.dumps(rows, ensure_ascii=False))
        return
    if not findings:
        print(MESSAGES["none_found"])
    for f in findings:
        label = TYPE_LABELS[f.type]
        print(MESSAGES["line"].format(start=f.start, end=f.end, label=label, text=f.text))


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help and on usage errors
        return int(exc.code or 0)
    text = _read(args.file)
    if text is None:
        return 2
    if args.command == "scan":
        _scan(text, args.json)
    else:
        sys.stdout.write(mask(text))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
