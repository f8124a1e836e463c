"""The ``gongkai`` command: Django's management commands plus the project's own
(``workdays``, ``calendar``, ``ledger``, ``demo``, …)."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    from django.core.management import execute_from_command_line

    from gongkai import home

    home.prepare()
    execute_from_command_line(["gongkai", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
