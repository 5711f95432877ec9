"""The search page finds trials by their words as the trial pages show them: a planned
trial only to those it concerns, running and ended ones to everyone signed in."""

from livinglab.trials.services import change_status, start_trial
from tests.trials.conftest import make_proposal, make_site, new_trial


def _search(client, user, words):
    client.force_login(user)
    return client.get("/lab/search/", {"q": words}).content.decode()


def test_a_planned_trial_is_found_only_by_those_it_concerns(client, world, trial):
    assert trial.title in _search(client, world.proposer, "號誌 等候")  # their proposal
    assert trial.title in _search(client, world.secretary, "號誌")  # the body's secretariat
    page = _search(client, world.reviewer, "號誌")
    assert trial.title not in page
    assert "沒有符合且您可查看的概念驗證。" in page  # the section, empty for them


def test_a_running_trial_is_found_by_everyone(client, world, trial):
    change_status(world.secretary, trial, "running")
    assert trial.title in _search(client, world.reviewer, "號誌")


def test_lessons_of_an_ended_trial_are_searched_with_variant_characters(client, world, trial):
    change_status(world.secretary, trial, "running")
    change_status(world.secretary, trial, "closed", lessons="臺北雨天時影像辨識失準，需改用雷達。")
    assert trial.title in _search(client, world.reviewer, "台北 雷達")
    assert trial.title not in _search(client, world.reviewer, "雷達 光達")  # every word


def test_every_word_must_be_in_the_same_trial(client, world):
    other = make_proposal(world, title="公車站牌即時到站資訊")
    shown = start_trial(
        world.secretary, new_trial(world, proposal=other, site=make_site(world, "信義區站牌"))
    )
    change_status(world.secretary, shown, "running")
    page = _search(client, world.reviewer, "公車 到站")
    assert shown.title in page
    assert shown.title not in _search(client, world.reviewer, "公車 號誌")
