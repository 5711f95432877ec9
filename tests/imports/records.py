"""Small meeting records written for these tests, in the style of city minutes."""

INDUSTRY_MEETING = """臺北市政府產業合作推動小組第3次會議紀錄
時間：113年9月10日（星期二）上午10時
地點：臺北市政府市政大樓北區11樓會議室
主席：產業發展局 張副局長志明
紀錄：許雅雯

會議結論：
一、列管案件（計4案）：
（一）智慧路燈合作案：請產業局於113年12月31日前完成兩市路燈資料介接，續予列管。
（二）共享單車資料交換案：雙方資料格式已一致，同意解除列管。
（三）電動機車充電站布建案：請交通局於10月底前提出選址清單。
（四）夜市行動支付推廣案：本次新增提案，同意列管，由產發局主辦、經發局協辦。
散會：中午12時
"""


def numbered_meeting(items: int) -> str:
    """A record with `items` tracked cases, for query counts."""
    lines = [
        "臺北市政府產業合作推動小組第9次會議紀錄",
        "時間：114年2月4日（星期二）下午2時",
        "地點：臺北市政府市政大樓北區11樓會議室",
        "主席：產業發展局 張副局長志明",
        "紀錄：許雅雯",
        "",
        "會議結論：",
        f"一、列管案件（計{items}案）：",
    ]
    numerals = "一二三四五六七八九十"
    for n in range(items):
        label = numerals[n] if n < 10 else "十" + numerals[n - 10]
        lines.append(f"（{label}）第{n + 1}號園區招商合作案：請產業局持續辦理，續予列管。")
    lines.append("散會：下午4時")
    return "\n".join(lines) + "\n"


def upload_file(name: str, text: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/plain")


# A record in a layout the reader does not know: a summary written as prose.
PROSE_RECORD = """雙北產業交流座談紀要

日期是十月十五日下午，兩市同仁在新北市政府會面。
先由產業局說明夜市行動支付推廣的現況，大家同意再找三處夜市試辦，請產業局主辦、經發局協辦，年底前回報。
關於路燈資料介接，交通局表示明年三月底前可以完成介面，經發局協助提供新北端的資料。
最後大家約定下次在臺北見面。
"""
