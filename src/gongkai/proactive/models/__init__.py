from gongkai.proactive.models.catalog import StandardCatalogItem
from gongkai.proactive.models.importjob import ImportFile, ImportJob
from gongkai.proactive.models.item import (
    PUBLIC,
    Attachment,
    Item,
    ItemRevision,
    Status,
)
from gongkai.proactive.models.normative import Cleanup, CleanupEntry, NormativeDocument
from gongkai.proactive.models.review import (
    PrivacyFinding,
    PrivacyRule,
    ReviewDecision,
    ReviewStep,
    SelfCheckDecision,
)
from gongkai.proactive.models.selfcheck import SelfCheck
from gongkai.proactive.models.sequence import IndexSequence
from gongkai.proactive.models.vocab import Genre, NegativeListEntry, NegativeListVersion, Topic

__all__ = [
    "PUBLIC",
    "Attachment",
    "Cleanup",
    "CleanupEntry",
    "Genre",
    "ImportFile",
    "ImportJob",
    "IndexSequence",
    "Item",
    "ItemRevision",
    "NegativeListEntry",
    "NegativeListVersion",
    "NormativeDocument",
    "PrivacyFinding",
    "PrivacyRule",
    "ReviewDecision",
    "ReviewStep",
    "SelfCheck",
    "SelfCheckDecision",
    "StandardCatalogItem",
    "Status",
    "Topic",
]
