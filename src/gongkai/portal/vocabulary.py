"""What the ledger's portal codes are called (see core/vocabulary.py)."""

from django.utils.translation import gettext_lazy as _

from gongkai.core import vocabulary
from gongkai.portal.models import ColumnKind

vocabulary.actions(
    {
        "column_create": _("Column created"),
        "column_update": _("Column changed"),
        "column_delete": _("Column deleted"),
        "guide_save": _("Disclosure guide saved"),
        "site_identity_save": _("Website identification saved"),
        "items_generate": _("Generated items added"),
        "columns_copy": _("Columns copied to a site"),
    },
    prefix="portal.",
)
vocabulary.keys(
    {
        "slug": _("Address"),
        "total": _("Total"),
        "count": _("Number of columns"),
        "active": _("Shown"),
        "office_name": _("Office name"),
        "phone": _("Phone"),
        "host_name": _("Host organisation"),
        "site_code": _("Website identification code"),
        "icp_number": _("ICP filing number"),
        "police_number": _("Public security filing number"),
    },
    free=("slug", "office_name", "phone", "host_name", "site_code", "icp_number", "police_number"),
)
vocabulary.values("portal", "kind", ColumnKind.choices)
