"""The drawings made on the server: flowchart and the map's overview."""

from types import SimpleNamespace

from gongkai.guides.svg import MAP_HEIGHT, MAP_WIDTH, PAD, flowchart, overview_map, wrap


def test_wrap_cuts_chinese_text_into_lines():
    assert wrap("一二三四五", width=2) == ["一二", "三四", "五"]
    assert wrap("") == [""]


def test_flowchart_numbers_the_steps_and_escapes_text():
    svg = str(
        flowchart([("申请", "<b>窗口</b>"), ("办结", "")], title="流程", start="开始", end="结束")
    )
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert "&lt;b&gt;窗口&lt;/b&gt;" in svg and "<b>" not in svg
    assert svg.count("<rect") == 4  # start, two steps, end
    assert svg.count("<circle") == 2  # the step numbers


def test_overview_map_keeps_north_up_and_points_inside():
    points = [
        SimpleNamespace(name="北", kind="station", latitude=21.6112, longitude=110.2847),
        SimpleNamespace(name="南", kind="centre", latitude=21.1965, longitude=110.4058),
    ]
    svg = str(overview_map(points, title="总览"))
    import re

    dots = [
        (float(x), float(y)) for x, y in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"', svg)
    ]
    (north_x, north_y), (south_x, south_y) = dots
    assert north_y < south_y and north_x < south_x
    assert all(
        PAD - 1 <= x <= MAP_WIDTH - PAD + 1 and PAD - 1 <= y <= MAP_HEIGHT - PAD + 1
        for x, y in dots
    )
    assert "km</text>" in svg
    assert str(overview_map([], title="空")) == ""


def test_overlapping_points_are_drawn_apart_with_a_leader_line():
    import re

    points = [
        SimpleNamespace(name="甲", kind="station", latitude=21.2658, longitude=110.3549),
        SimpleNamespace(name="乙", kind="centre", latitude=21.2659, longitude=110.3550),
        SimpleNamespace(name="丙", kind="window", latitude=21.6112, longitude=110.2847),
    ]
    svg = str(overview_map(points, title="总览"))
    dots = re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="15"', svg)
    (ax, ay), (bx, by) = [(float(x), float(y)) for x, y in dots[:2]]
    assert ((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5 >= 32
    assert svg.count("<line") == 2  # the scale bar and one leader
