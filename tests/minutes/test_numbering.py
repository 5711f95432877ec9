"""Numbering depth follows the order in which styles appear."""

from livinglab.minutes.clean import shadow
from livinglab.minutes.numbering import build_tree, numbered_lines


def _paths(text):
    s = shadow(text)
    nodes = numbered_lines(s, 0, len(s))
    build_tree(nodes, len(s))
    return [n.path for n in nodes]


def test_styles_nest_in_order_of_appearance():
    text = "壹、結論\n一、甲\n（一）乙\n1. 丙\n(1) 丁\n（二）戊\n二、己\n貳、散會\n"
    assert _paths(text) == [
        ["壹"],
        ["壹", "一"],
        ["壹", "一", "一"],
        ["壹", "一", "一", "1"],
        ["壹", "一", "一", "1", "1"],
        ["壹", "一", "二"],
        ["壹", "二"],
        ["貳"],
    ]


def test_depth_is_not_a_fixed_table():
    # 1、 above （一） in this record: the first style seen is the top.
    assert _paths("1、甲\n（一）乙\n（二）丙\n2、丁\n") == [["1"], ["1", "一"], ["1", "二"], ["2"]]


def test_markdown_bullets_before_numbers_are_debris():
    assert _paths("- (一) 甲\n- 1、**乙**\n- (二) 丙\n") == [["一"], ["一", "1"], ["二"]]


def test_plain_bullets_add_a_dash():
    assert _paths("一、甲\n● 乙\n● 丙\n") == [["一"], ["一", "-"], ["一", "-"]]


def test_decimals_and_years_are_not_numbers():
    assert _paths("3.5 億元\n112 年度計畫\n") == []
