"""Case names, lists, annotations, merges and renames."""

from livinglab.minutes.reader import parse_text

HEAD = "平臺工作小組會議紀錄\n時間：113年5月2日上午9時\n地點：臺北市政府會議室\n主席：陳副局長\n紀錄：吳小姐\n會議結論：\n"


def _item(body):
    (meeting,) = parse_text(HEAD + body).meetings
    return meeting.items[0]


def test_name_before_colon_without_annotation():
    item = _item("一、市場交流活動（原雙北合作案）：請持續辦理。\n")
    assert item.cases == ["市場交流活動"]


def test_quoted_name():
    item = _item("1. 「長照據點擴充計畫」（社會局提案）：同意解除列管。\n")
    assert (item.cases, item.status) == (["長照據點擴充計畫"], "delisted")


def test_list_of_cases_ending_in_a_count():
    item = _item(
        "一、解列（3 案）：甲交流、乙參訪（2 案為原北桃合作案）、丙活動等 3 案均已完成，解除列管。\n"
    )
    assert item.cases == ["甲交流", "乙參訪", "丙活動"]


def test_merge_into_a_new_name():
    item = _item("一、甲合作案及乙交流合併為丙平臺：請持續辦理。\n")
    assert item.status == "merged"
    assert item.relations[0].to_dict() == {
        "kind": "merge",
        "sources": ["甲合作案", "乙交流"],
        "target": "丙平臺",
    }


def test_merge_renamed_by_its_sub_entry():
    item = _item("一、甲交流及乙參訪合併：\n1. 方案名稱更名為「丙交流」。\n2. 請持續辦理。\n")
    assert item.relations[0].to_dict() == {
        "kind": "merge",
        "sources": ["甲交流", "乙參訪"],
        "target": "丙交流",
    }


def test_rename_of_the_case():
    item = _item("一、舊名稱案：本案將定名為「新名稱計畫」，請持續辦理。\n")
    assert item.status == "renamed"
    assert item.cases == ["舊名稱案", "新名稱計畫"]
    assert item.relations[0].to_dict() == {
        "kind": "rename",
        "sources": ["舊名稱案"],
        "target": "新名稱計畫",
    }


def test_explanatory_heads_are_not_cases():
    item = _item("一、說明：本次會議無新增事項。\n")
    assert item.cases == []


DIRECTIVE_HEAD = (
    "臺北市政府擴大會報紀錄\n時間：114年3月4日上午9時\n地點：市政大樓會議室\n"
    "主席：蔣市長\n紀錄：林小姐\n主席裁示事項：\n"
)


def _directive_items(body):
    (meeting,) = parse_text(DIRECTIVE_HEAD + body).meetings
    return meeting.items


def test_topic_before_a_colon_in_a_directive_record_is_not_a_case():
    items = _directive_items(
        "一、數位身分推廣：請資訊局於年底前完成App改版。\n"
        "二、防汛整備：\n（一）抽水站巡檢：請工務局每週回報。\n（二）請消防局備妥救生艇。\n"
    )
    assert [(i.path, i.cases) for i in items] == [
        (["一"], []),
        (["二", "一"], []),
        (["二", "二"], []),
    ]


def test_a_directive_record_still_names_cases_ending_in_an_or_quoted():
    items = _directive_items(
        "一、南港轉運站改建案：請交通局持續推動。\n"
        "二、「青年住宅二期計畫」：請都發局於6月底前提出期程。\n"
    )
    assert [i.cases for i in items] == [["南港轉運站改建案"], ["青年住宅二期計畫"]]


def test_the_same_topic_head_names_a_case_in_a_tracking_record():
    item = _item("一、數位身分推廣：本案持續列管，請資訊局於年底前完成。\n")
    assert item.cases == ["數位身分推廣"]


def test_a_directive_to_keep_going_keeps_no_case_on_the_list():
    (item,) = _directive_items("一、捷運延伸線工程：請捷運局持續加速推動。\n")
    assert (item.cases, item.status) == ([], None)


def test_a_merge_into_a_one_character_name_ends():
    item = _item("一、甲交流合作案及乙參訪合併為丙：請交通局持續辦理。\n")
    assert item.cases[:2] == ["甲交流合作案", "乙參訪"]
    assert [a.name for a in item.agencies] == ["臺北市政府交通局"]
