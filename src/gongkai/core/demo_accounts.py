"""Print the demo staff accounts (run by `make serve`)."""

import os
import sys

import django


def main(host: str = "127.0.0.1:8000") -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    django.setup()
    from django.utils.translation import gettext as _

    from gongkai.core.demo import DEMO_PASSWORD, STAFF
    from gongkai.core.twofactor import REQUIRED_ROLES

    print(_("Demo staff accounts (password for all: %(password)s):") % {"password": DEMO_PASSWORD})
    for username, full_name, roles, _units in STAFF:
        mark = " *" if set(roles) & set(REQUIRED_ROLES) else ""
        print(f"  {username:<12} {full_name}  ({', '.join(str(r.label) for r in roles)}){mark}")
    # The seeds' other publishers: one openness-office account each (publishes their seed).
    from gongkai.core.models import Role
    from gongkai.proactive.demo import PUBLISHERS

    office = ", ".join(str(r.label) for r in (Role.OFFICE, Role.REVIEWER, Role.LEADER))
    for _code, name, _prefix, username in PUBLISHERS:
        print(f"  {username:<12} {name}政务公开办  ({office}) *")
    print(
        _(
            "* Two-factor sign-in is required for these roles: at the first sign-in the page "
            "shows a QR code for an authenticator app (or a key to type in, e.g. into "
            "`oathtool --totp -b KEY`), then ten backup codes."
        )
    )
    print(_("Portal: %(portal)s") % {"portal": f"http://{host}/"})
    print(_("Workbench: %(workbench)s") % {"workbench": f"http://{host}/workbench/"})


if __name__ == "__main__":
    main(*sys.argv[1:2])
