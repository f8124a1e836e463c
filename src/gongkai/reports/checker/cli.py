"""`check FILE [--json]`: wired by the lead as `gongkai report check FILE`.

Exit status: 0 consistent (warnings allowed), 1 inconsistent, 2 unreadable or no table found.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import CheckError, check_file
from .messages import MESSAGES, render


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gongkai report", description="政府信息公开工作年度报告检查"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="检查第三、四部分表格的勾稽关系")
    check.add_argument("file", help="报告网页（.html）或 Word 文档（.docx）")
    check.add_argument("--json", action="store_true", help="以 JSON 输出")
    return parser


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    try:
        report = check_file(args.file)
    except CheckError as exc:
        print(exc.reason, file=sys.stderr)
        return 2
    if args.json:
        data = report.to_dict()
        data["findings"] = [{**f.to_dict(), "message": render(f)} for f in report.findings]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for finding in report.findings:
            print(render(finding))
        print(
            MESSAGES["summary"].format(
                format=report.format, errors=len(report.errors), warnings=len(report.warnings)
            )
        )
    return 0 if report.consistent else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
