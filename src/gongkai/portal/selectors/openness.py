"""The left tree of the 政府信息公开 column, shared by every page inside it.

Its first level follows 国办公开办函〔2019〕61号 (政府信息公开专栏 of government websites):
公开指南, 公开制度, 法定主动公开内容, 公开年报, and 依申请公开. The office edits it as the
children of the column that links to the 政府信息公开 page; without such a column the
default below applies (the pages the platform itself has).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from gongkai.portal.models import Column, ColumnKind
from gongkai.portal.selectors.columns import column_url, columns_active, resolve_link

OPENNESS_PAGE = "portal:openness"
# The registers 条例 art. 20 asks each body to publish, under 法定主动公开内容.
BY_LAW = (
    (_("Organisation profile"), "listings:organisation"),  # 机构职能 (art. 20 (一))
    (_("Powers and responsibilities list"), "listings:powers"),  # 权责清单
    (_("Normative documents"), "proactive:normative"),  # art. 20 (二)
    (_("Service guides"), "guides:guides"),  # 办事指南
    (_("Service map"), "guides:map"),  # 便民网上地图
    (_("Government gazette"), "guides:issues"),  # 政府公报
    (_("Administrative enforcement publicity"), "enforcement:index"),  # 行政执法公示
    (_("Budgets and final accounts"), "budgets:budgets"),  # 预决算、三公经费 (预算法 第十四条)
)
DEFAULT_TREE = (  # (title, URL name[, children]) — 国办公开办函〔2019〕61号
    (_("Openness guide"), "portal:guide"),
    (_("Content disclosed by law"), "proactive:catalog", BY_LAW),
    (_("Proactive disclosure catalog"), "proactive:directory"),
    (_("Yearly reports"), "reports:public_list"),
    (_("Disclosure on request"), "foi:apply"),
)


@dataclass(frozen=True)
class TreeNode:
    title: str
    url: str
    children: tuple[TreeNode, ...] = ()
    is_current: bool = False

    @property
    def holds_current(self) -> bool:
        return self.is_current or any(child.holds_current for child in self.children)


def _node(
    title: StrOrPromise, url: str, path: str, children: tuple[TreeNode, ...] = ()
) -> TreeNode:
    return TreeNode(str(title), url, children, bool(url) and url.split("?")[0] == path)


def _default_node(row: tuple[Any, ...], path: str) -> TreeNode:
    title, name, *below = row
    children = tuple(_default_node(child, path) for child in (below[0] if below else ()))
    return _node(title, resolve_link(name), path, tuple(c for c in children if c.url))


def openness_tree(path: str = "") -> tuple[str, list[TreeNode]]:
    """The column's title and its tree, the page at ``path`` marked (one query)."""
    columns = list(columns_active().order_by("order", "id"))
    root = next((c for c in columns if c.kind == ColumnKind.LINK and c.link == OPENNESS_PAGE), None)
    if root is None:
        nodes = [_default_node(row, path) for row in DEFAULT_TREE]
        return str(_("Government information disclosure")), [n for n in nodes if n.url]
    children: dict[int, list[Column]] = {}
    for column in columns:
        if column.parent_id is not None:
            children.setdefault(column.parent_id, []).append(column)

    def build(column: Column) -> TreeNode:
        below = tuple(build(child) for child in children.get(column.pk, []))
        return _node(column.title, column_url(column), path, below)

    return root.title, [build(column) for column in children.get(root.pk, [])]


def column_in_openness(column: Column) -> bool:
    """Whether a column sits under the 政府信息公开 column (its pages show the tree)."""
    parent = column.parent
    while parent is not None:
        if parent.kind == ColumnKind.LINK and parent.link == OPENNESS_PAGE:
            return True
        parent = parent.parent
    return False
