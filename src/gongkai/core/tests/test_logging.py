"""Structured logs (LOG_FORMAT=json) carry no personal data, tracebacks included."""

import json
import logging
import sys

from gongkai.core.logging import JsonFormatter


def test_json_lines_mask_the_message_and_the_traceback():
    try:
        raise ValueError("applicant 440102199001011234 phone 13912345678")
    except ValueError:
        exc_info = sys.exc_info()
    record = logging.LogRecord(
        "gongkai.foi", logging.ERROR, __file__, 1, "reply to %s failed", ("a@b.cn",), exc_info
    )
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert entry["level"] == "ERROR"
    assert entry["logger"] == "gongkai.foi"
    assert entry["message"] == "reply to a***@b.cn failed"
    assert "ValueError: applicant 440102********1234 phone 139****5678" in entry["exception"]
    assert "13912345678" not in line
    assert "440102199001011234" not in line
