"""Every state change of proactive disclosure: one keyword-only function each, in a
transaction, writing the ledger."""

from gongkai.proactive.services.foi import item_draft_from_foi_request
from gongkai.proactive.services.import_jobs import import_queue
from gongkai.proactive.services.importing import document_import
from gongkai.proactive.services.items import (
    ItemFields,
    item_attach,
    item_create,
    item_detach,
    item_revise,
    item_submit,
    item_update,
)
from gongkai.proactive.services.privacy import (
    finding_add,
    finding_keep,
    finding_mask,
    item_scan,
    privacy_rule_create,
    privacy_rule_deactivate,
)
from gongkai.proactive.services.registers import (
    CatalogRow,
    NormativeFields,
    catalog_import,
    cleanup_publish,
    normative_document_change,
    normative_document_register,
    normative_documents_expire_due,
    review_steps_configure,
    vocabulary_add,
)
from gongkai.proactive.services.review import (
    item_publish,
    item_review,
    item_withdraw,
    items_publish_due,
)
from gongkai.proactive.services.settings import item_delete, vocabulary_rename
from gongkai.proactive.services.withheld import (
    NegativeFields,
    negative_entries_flag_due,
    negative_entry_create,
    negative_entry_retire,
    negative_entry_update,
    self_check_decide,
    self_check_sign_off,
)
from gongkai.proactive.transitions import review_steps

__all__ = [
    "CatalogRow",
    "ItemFields",
    "NegativeFields",
    "NormativeFields",
    "catalog_import",
    "cleanup_publish",
    "document_import",
    "import_queue",
    "finding_add",
    "finding_keep",
    "finding_mask",
    "item_attach",
    "item_create",
    "item_delete",
    "item_detach",
    "item_draft_from_foi_request",
    "item_publish",
    "item_review",
    "item_revise",
    "item_scan",
    "item_submit",
    "item_update",
    "item_withdraw",
    "items_publish_due",
    "negative_entries_flag_due",
    "negative_entry_create",
    "negative_entry_retire",
    "negative_entry_update",
    "normative_document_change",
    "normative_document_register",
    "normative_documents_expire_due",
    "privacy_rule_create",
    "privacy_rule_deactivate",
    "review_steps",
    "review_steps_configure",
    "self_check_decide",
    "self_check_sign_off",
    "vocabulary_add",
    "vocabulary_rename",
]
