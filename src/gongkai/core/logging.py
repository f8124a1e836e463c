"""Keep personal data out of logs.

Logs are read by operators who have no business seeing applicants' ID or phone
numbers (条例 art. 15); the filter masks them before any handler writes.
"""

import logging
import re

# Digit runs that look like resident IDs, bank cards or mobile numbers.
_PATTERNS = (
    (re.compile(r"(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?!\d)"), r"\1********\2"),
    (re.compile(r"(?<!\d)(\d{4})\d{8,11}(\d{4})(?!\d)"), r"\1********\2"),
    (re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)"), r"\1****\2"),
    (re.compile(r"([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@"), r"\1***@"),
)


def redact(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = redact(message)
        if masked != message:
            record.msg = masked
            record.args = None
        return True
