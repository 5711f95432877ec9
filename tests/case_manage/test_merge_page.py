from livinglab.tracking.models import Case, CaseEvent


def _merge_url(case):
    return f"/cases/manage/{case.pk}/merge/"


def test_summary_shows_what_merging_changes_and_changes_nothing(client, registry):
    client.force_login(registry.world.secretary)
    traps, youth = registry.traps, registry.youth

    response = client.get(_merge_url(youth), {"source": traps.title})

    html = response.content.decode()
    assert response.status_code == 200
    assert "捕獸銹宣導" in html  # the source's alias will join the target's
    assert f'name="source" value="{traps.title}"' in html  # carried to the POST
    traps.refresh_from_db()
    assert (traps.state, traps.merged_into) == ("tracked", None)
    assert not youth.aliases.exists()
    assert not CaseEvent.objects.filter(kind=CaseEvent.Kind.MERGED).exists()


def test_post_merges_as_the_service_would(client, registry):
    client.force_login(registry.world.secretary)
    traps, youth = registry.traps, registry.youth

    response = client.post(_merge_url(youth), {"source": f"{traps.title} #{traps.pk}"})

    assert response.status_code == 302
    assert response["Location"] == youth.get_absolute_url()
    traps.refresh_from_db()
    assert (traps.state, traps.closure, traps.merged_into) == ("closed", "merged", youth)
    assert set(youth.aliases.values_list("name", "kind")) == {
        (traps.title, "merged"),
        ("捕獸銹宣導", "merged"),
    }
    assert traps.events.last().kind == CaseEvent.Kind.MERGED
    assert youth.events.last().kind == CaseEvent.Kind.MERGED_IN
    page = client.get(youth.get_absolute_url()).content.decode()
    assert "已將「山區捕獸鋏及山豬吊宣導及清除交流」合併至本案" in page
    assert f'href="{traps.get_absolute_url()}"' in page  # lineage: merged from


def test_a_case_of_another_body_or_closed_cannot_be_merged_in(client, registry):
    client.force_login(registry.world.admin)
    for source in (registry.private, registry.energy):
        response = client.post(_merge_url(registry.youth), {"source": source.title})
        assert response.status_code == 200
        assert "field-error" in response.content.decode()
    assert not Case.objects.filter(closure="merged").exists()


def test_unknown_title_is_refused_at_the_edge(client, registry):
    client.force_login(registry.world.secretary)
    response = client.get(_merge_url(registry.youth), {"source": "沒有這個案子"})
    assert "沒有這個案子" in response.content.decode()
    assert "field-error" in response.content.decode()


def test_case_page_offers_the_body_s_open_cases_to_merge(client, registry):
    client.force_login(registry.world.secretary)
    html = client.get(registry.youth.get_absolute_url()).content.decode()
    assert f'<option value="{registry.traps.title} #{registry.traps.pk}">' in html
    assert registry.energy.title + " #" not in html  # delisted
    assert registry.private.title not in html  # another body
    assert '/api/docs">' not in html.split("site-footer")[0]
