"""Automatic list numbers of an .odt read as the labels a reader sees."""

from livinglab.minutes import read_minutes


def _numbered_odt(path):
    from odf.opendocument import OpenDocumentText
    from odf.style import ListLevelProperties
    from odf.text import List, ListItem, ListLevelStyleNumber, ListStyle, P

    document = OpenDocumentText()
    style = ListStyle(name="Decisions")
    for level, (fmt, prefix, suffix) in enumerate(
        [("一, 二, 三, ...", "", "、"), ("一, 二, 三, ...", "（", "）"), ("1", "", ".")], start=1
    ):
        number = ListLevelStyleNumber(level=level, numformat=fmt, numprefix=prefix)
        number.setAttribute("numsuffix", suffix)
        number.addElement(ListLevelProperties())
        style.addElement(number)
    document.automaticstyles.addElement(style)
    for line in [
        "北區平臺文化組工作小組會議紀錄",
        "時間：113年4月9日下午2時",
        "地點：桃園市政府會議室",
        "主席：桃園市政府文化局 周副局長",
        "會議結論：",
    ]:
        document.text.addElement(P(text=line))
    top = List(stylename="Decisions")
    for case, points in [
        ("藝文場館聯票合作案：", ["請桃園市政府文化局於6月底前提出票價方案。", "本案持續列管。"]),
        ("街頭藝人證照互認案：同意解除列管。", []),
    ]:
        item = ListItem()
        item.addElement(P(text=case))
        if points:
            inner = List()
            for point in points:
                sub = ListItem()
                sub.addElement(P(text=point))
                inner.addElement(sub)
            item.addElement(inner)
        top.addElement(item)
    document.text.addElement(top)
    document.save(str(path))
    return path


def test_odt_list_numbers_become_paths(tmp_path):
    (meeting,) = read_minutes(_numbered_odt(tmp_path / "numbered.odt")).meetings
    assert [(i.path, i.cases, i.status) for i in meeting.items] == [
        (["一"], ["藝文場館聯票合作案"], "tracked"),
        (["二"], ["街頭藝人證照互認案"], "delisted"),
    ]
    assert meeting.items[0].text.startswith("一、 藝文場館聯票合作案：\n（一） 請桃園市政府文化局")
    assert meeting.items[0].deadline.date.isoformat() == "2024-06-30"
