"""Management commands that hand their arguments to a pure-Python CLI.

The privacy detector and the report checker have no Django in them (so other
tools can use them); their command-line contract lives in their own ``main``.
"""

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.module_loading import import_string


class PassThroughCommand(BaseCommand):
    """Runs ``main(argv)`` of the pure CLI named by ``cli`` and exits with its code."""

    cli = ""  # dotted path of the CLI's main function

    def run_from_argv(self, argv: list[str]) -> None:
        # argv is ["gongkai", "<command>", ...]: the CLI gets everything after.
        sys.exit(import_string(self.cli)(argv[2:]))

    def handle(self, *args: Any, **options: Any) -> None:
        code = import_string(self.cli)(list(args))
        if code:
            sys.exit(code)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("args", nargs="*")
