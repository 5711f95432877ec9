"""The history of a trial's proposal names its steps in words, in Chinese and English
(never the stored codes trial_started and trial_status)."""

from livinglab.trials.models import Event
from livinglab.trials.services import change_status


def _history(client, user, trial, language):
    client.force_login(user)
    page = client.get(trial.proposal.get_absolute_url(), headers={"accept-language": language})
    assert page.status_code == 200
    html = page.content.decode()
    return html[html.index('<ol class="history">') :]


def test_the_proposer_reads_the_trial_steps_in_both_languages(client, world, trial):
    change_status(world.secretary, trial, "running")
    chinese = _history(client, world.proposer, trial, "zh-hant")
    assert "概念驗證已開始" in chinese and "概念驗證狀態變更" in chinese
    english = _history(client, world.proposer, trial, "en")
    assert "trial started" in english and "trial&#x27;s status changed" in english
    assert not any(kind.value in chinese + english for kind in Event)
