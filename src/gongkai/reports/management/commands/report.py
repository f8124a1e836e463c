"""Check a published yearly report's tables: ``gongkai report check FILE [--json]``.

Exit 0 when consistent, 1 when a relation is broken, 2 when no table is found.
"""

from gongkai.core.management.passthrough import PassThroughCommand


class Command(PassThroughCommand):
    help = __doc__
    cli = "gongkai.reports.checker.cli.main"
