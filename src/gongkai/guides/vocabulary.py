"""What the ledger's guides codes are called (see core/vocabulary.py)."""

from django.utils.translation import gettext_lazy as _

from gongkai.core import vocabulary

vocabulary.actions(
    {
        "create": _("Service guide published"),
        "update": _("Service guide changed"),
        "withdraw": _("Service guide withdrawn"),
        "restore": _("Service guide restored"),
        "file_add": _("Form attached to a service guide"),
        "file_remove": _("Form removed from a service guide"),
        "point_save": _("Service point saved"),
        "point_open": _("Service point opened"),
        "point_close": _("Service point closed"),
        "map_settings": _("Map tile server set"),
        "gazette_compile": _("Gazette issue compiled"),
        "gazette_publish": _("Gazette issue published"),
        "gazette_discard": _("Gazette issue discarded"),
        "import": _("Service guides imported from a spreadsheet"),
    },
    prefix="guides.",
)
vocabulary.keys(
    {
        "guide_code": _("Service code"),
        "version": _("Version"),
        "file_name": _("File name"),
        "latitude": _("Latitude"),
        "longitude": _("Longitude"),
        "guides": _("Services handled"),
        "tile_url": _("Tile server URL"),
        "documents": _("Documents"),
    },
    free=(
        "guide_code", "guides:file_name", "guides:name", "guides:latitude", "guides:longitude",
        "guides:guides", "guides:tile_url", "guides:reason", "guides:year", "guides:number",
        "guides:documents", "guides:version",
    ),
)  # fmt: skip
