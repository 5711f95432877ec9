from livinglab.tracking.models import Case, CaseEvent


def _url(link):
    return f"/cases/manage/{link.case_id}/decisions/{link.decision_id}/move/"


def test_case_page_offers_to_move_each_decision(client, registry, wrong_link):
    client.force_login(registry.world.secretary)
    html = client.get(registry.traps.get_absolute_url()).content.decode()
    assert _url(wrong_link) in html


def test_split_into_a_new_case_moves_the_decision_and_both_timelines_show_it(
    client, registry, wrong_link
):
    client.force_login(registry.world.secretary)
    traps = registry.traps
    assert traps.state == "closed"  # the wrongly linked decision delisted it
    form = client.get(_url(wrong_link)).content.decode()
    assert "山豬吊回收站設置" in form  # the new case's title is proposed
    data = {"to": "new", "title": "山豬吊回收站設置案"}
    summary = client.get(_url(wrong_link), data).content.decode()
    assert "山豬吊回收站設置案" in summary and 'method="post"' in summary
    assert not Case.objects.filter(title="山豬吊回收站設置案").exists()

    response = client.post(_url(wrong_link), data)

    new = Case.objects.get(title="山豬吊回收站設置案")
    assert response["Location"] == new.get_absolute_url()
    traps.refresh_from_db()
    assert traps.state == "tracked"  # the delisting went with the decision
    assert (new.state, new.closure, new.body) == ("closed", "delisted", traps.body)
    assert traps.events.last().kind == CaseEvent.Kind.SPLIT
    assert new.events.get().kind == CaseEvent.Kind.LINKED
    assert "山豬吊回收站設置：同意解除列管" in client.get(new.get_absolute_url()).content.decode()
    origin_page = client.get(traps.get_absolute_url()).content.decode()
    timeline = origin_page.split('class="timeline"')[1]
    assert str(CaseEvent.Kind.SPLIT.label) in timeline or "移" in timeline
    assert _url(wrong_link) not in origin_page


def test_split_into_an_existing_case_by_title(client, registry, wrong_link):
    client.force_login(registry.world.admin)
    youth = registry.youth
    response = client.post(_url(wrong_link), {"to": "existing", "into": youth.title})
    assert response["Location"] == youth.get_absolute_url()
    assert youth.links.active().filter(decision=wrong_link.decision).exists()
    youth.refresh_from_db()
    assert (youth.state, youth.closure) == ("closed", "delisted")


def test_choosing_an_existing_case_needs_one(client, registry, wrong_link):
    client.force_login(registry.world.secretary)
    for data in ({"to": "existing", "into": ""}, {"to": "existing", "into": "臺北市預算調整"}):
        response = client.post(_url(wrong_link), data)
        assert response.status_code == 200
        assert "field-error" in response.content.decode()
    assert not wrong_link.case.events.filter(kind=CaseEvent.Kind.SPLIT).exists()


def test_moved_decisions_events_leave_the_old_timeline(client, registry, wrong_link):
    client.force_login(registry.world.secretary)
    traps = registry.traps
    client.post(_url(wrong_link), {"to": "new", "title": "山豬吊回收站設置案"})
    page = client.get(traps.get_absolute_url()).content.decode()
    timeline = page.split('class="timeline"')[1].split("</ol>")[0]
    manual_entries = timeline.split('timeline-manual">')[1:]
    # Only the move itself stays; the delisting went with the decision to the new case.
    assert len(manual_entries) == 1
    assert str(CaseEvent.Kind.DELISTED.label) not in timeline
