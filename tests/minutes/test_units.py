"""Units and persons no directory knows are named where the text gives them work,
with their role (主辦 / 協辦) where the text says which."""

from livinglab.minutes.agencies import AgencyDirectory
from livinglab.minutes.mentions import Context, assigned_agencies
from livinglab.minutes.units import unit_mentions

DIRECTORY = AgencyDirectory.default()


def _mentions(text):
    return [m for _, _, m in unit_mentions(text)]


def test_a_unit_after_a_request_runs_to_the_verb():
    assert _mentions("請各局處務必提供照片") == ["各局處"]
    assert _mentions("請行政院體育委員會列入明年度預算") == ["行政院體育委員會"]
    assert _mentions("請交旅處近期至基隆嶼錄影") == ["交旅處"]


def test_listed_units_and_a_partner_after_pian_tong_are_each_named():
    assert _mentions("請第三組偕同第四組參加說明會") == ["第三組", "第四組"]
    assert _mentions("請教務處及總務處完成") == ["教務處", "總務處"]


def test_a_charged_subject_and_a_bracketed_unit_are_named():
    assert _mentions("工程期間，各處室應有準備。") == ["各處室"]
    assert _mentions("年貨大街攤位規劃要及早辦理。(民政局)") == ["民政局"]


def test_persons_are_named_only_outside_the_directory_cities():
    text = "請李副縣長擔任召集人"
    assert [a.mention for a in assigned_agencies(text, Context(DIRECTORY))] == ["李副縣長"]
    assert assigned_agencies(text, Context(DIRECTORY, "臺北市")) == []


def test_lead_and_supporting_agencies_are_told_apart():
    context = Context(DIRECTORY, "桃園市")
    refs = assigned_agencies("同意辦理，由交通局主辦，資訊科技局協辦。", context)
    assert [(a.name, a.role) for a in refs] == [
        ("桃園市政府交通局", "lead"),
        ("桃園市政府資訊科技局", "supporting"),
    ]
    refs = assigned_agencies("請經發局偕同農業局辦理", Context(DIRECTORY, "新北市"))
    assert [a.role for a in refs] == [None, "supporting"]


def test_a_bare_name_outside_the_directory_cities_keeps_its_words():
    (ref,) = assigned_agencies("請環保局加強稽查", Context(DIRECTORY))
    assert (ref.mention, ref.name) == ("環保局", "環保局")
