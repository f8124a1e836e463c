"""Find and mask personal information (去标识化).

gongkai privacy scan FILE [--json]   findings with character offsets
gongkai privacy redact FILE          the masked text
"""

from gongkai.core.management.passthrough import PassThroughCommand


class Command(PassThroughCommand):
    help = __doc__
    cli = "gongkai.privacy.cli.main"
