import re

from gongkai.core.models import OutgoingMessage

LINK = re.compile(r"https://gongkai\.example\.cn/dingyue/(confirm|end)/([^/\s]+)/")


def tokens(message: OutgoingMessage) -> dict[str, str]:
    return dict(LINK.findall(message.body))


def messages_to(address: str) -> list[OutgoingMessage]:
    return list(OutgoingMessage.objects.filter(address=address).order_by("pk"))
