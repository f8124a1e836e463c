"""Personal-information detection and redaction (去标识化) for published documents.

条例 (《政府信息公开条例》) art. 15 keeps personal privacy out of disclosure, and
国办发〔2016〕80号 asks for 去标识化 of personal data before publication. This
package finds such data in text and attachments and masks it. Pure Python: no
Django, so it can run in workers, the CLI and tests alike.
"""

from .detect import TYPES, Finding, detect
from .extract import extract_text
from .mask import mask, mask_finding

__all__ = ["TYPES", "Finding", "detect", "extract_text", "mask", "mask_finding"]
