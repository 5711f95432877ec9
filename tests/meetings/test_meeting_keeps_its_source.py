from livinglab.meetings.models import Meeting
from livinglab.minutes import Document
from livinglab.minutes import Meeting as ReadMeeting
from livinglab.tracking.services.importing import import_minutes


def test_meeting_keeps_its_source_document_and_text(world, monkeypatch):
    text = "前言\n第 3 次會議紀錄\n壹、時間：113 年 3 月 1 日\n結論：照案通過。\n"
    start = text.index("第 3 次")
    read = ReadMeeting(
        "第 3 次會議紀錄",
        __import__("datetime").date(2024, 3, 1),
        None,
        None,
        None,
        None,
        (start, len(text)),
        [],
    )
    monkeypatch.setattr(
        "livinglab.tracking.services.importing.read_minutes",
        lambda data, **kwargs: Document("紀錄.txt", text, [read]),
    )

    import_minutes(world.secretary, world.body, [("紀錄.txt", text.encode())], confirm=True)

    meeting = Meeting.objects.get()
    assert meeting.number == 3
    assert meeting.document.text == text
    assert meeting.source_text.startswith("第 3 次會議紀錄")
    assert meeting.document.uploaded_by == world.secretary
