"""The compose_groups command (CSV, no database), coordinators' pages, exports, permissions."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from intervisions import services
from intervisions.models import Cycle, Group


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_compose_groups_command(tmp_path):
    r = write(
        tmp_path / "R.csv",
        "id,institution,sector,language,choices,pinned_group\n"
        "a,cpas,social,FR,g1;g2,\nb,cpas,social,FR,g1;g2,\nc,cpas,social,FR,g1;g2,\n"
        "d,ssm,mental_health,FR,g2,g2\ne,ssm,mental_health,NL,g3,\n",
    )
    g = write(
        tmp_path / "G.csv", "id,language,min_size,max_size\ng1,FR,1,3\ng2,FR,1,3\ng3,NL,1,2\n"
    )
    out = tmp_path / "A.csv"
    stdout = io.StringIO()
    call_command(
        "compose_groups",
        registrants=str(r),
        groups=str(g),
        out=str(out),
        time_limit=1,
        stdout=stdout,
    )
    with out.open(encoding="utf-8") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    assert list(rows["a"]) == ["id", "group", "choice_rank", "reason"]
    assert rows["d"]["group"] == "g2"
    assert sum(1 for k in "abc" if rows[k]["group"] == "g1") == 2  # at most 2 per institution
    assert rows["e"]["group"] == "g3"
    assert "placed" in stdout.getvalue()


@pytest.mark.parametrize(
    "groups_csv, message",
    [
        ("id,language,min_size\ng1,FR,1\n", "max_size"),
        ("id,language,min_size,max_size\ng1,FR,1,3\ng1,FR,1,3\n", "duplicate"),
        ("id,language,min_size,max_size\ng9,FR,1,3\n", "unknown"),
    ],
)
def test_compose_groups_refuses_malformed_files(tmp_path, groups_csv, message):
    r = write(tmp_path / "R.csv", "id,institution,sector,language,choices\na,x,social,FR,g1\n")
    g = write(tmp_path / "G.csv", groups_csv)
    out = tmp_path / "A.csv"
    with pytest.raises(CommandError) as error:
        call_command("compose_groups", registrants=str(r), groups=str(g), out=str(out))
    assert message in str(error.value)
    assert not out.exists()


@pytest.mark.django_db
def test_coordinator_creates_a_cycle_and_a_group(client, coordinator, facilitators):
    client.force_login(coordinator)
    response = client.post(
        reverse("intervisions:cycle_create"),
        {
            "title_fr": "Crise",
            "season": "2030",
            "description_fr": "",
            "start_date": "2030-01-01",
            "end_date": "2030-05-31",
            "session_count": 5,
            "session_minutes": 120,
            "fee_member": 0,
            "fee_non_member": 0,
            "registration_deadline": "2029-12-20",
            "max_per_institution": 2,
            "group_min_size": 5,
            "group_max_size": 15,
            "retention_days": 90,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    cycle = Cycle.objects.get(title="Crise")
    assert cycle.is_free
    response = client.post(
        reverse("intervisions:group_create", args=[cycle.pk]),
        {
            "name_fr": "Groupe 1",
            "language": "fr",
            "weekday": 2,
            "week_of_month": "",
            "start_time": "09:30",
            "end_time": "11:30",
            "facilitator_social": facilitators[0].pk,
            "facilitator_mental_health": facilitators[1].pk,
            "neutral_venue": "",
        },
    )
    assert response.status_code == 302
    assert Group.objects.get(cycle=cycle).facilitators() == list(facilitators)
    client.post(reverse("intervisions:cycle_status", args=[cycle.pk]), {"status": "open"})
    cycle.refresh_from_db()
    assert cycle.status == Cycle.Status.OPEN
    response = client.post(
        reverse("intervisions:cycle_create"),
        {"title_fr": "X", "season": "1", "start_date": "2030-05-01", "end_date": "2030-01-01"},
    )
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()


@pytest.mark.django_db
def test_dashboard_compose_publish_and_exports(client, coordinator, cycle, groups, register):
    for _ in range(3):
        register([groups[0], groups[1]])
    register([groups[2]], sector="mental_health")
    client.force_login(coordinator)
    url = reverse("intervisions:manage_cycle", args=[cycle.pk])
    assert client.get(url).status_code == 200
    assert client.post(reverse("intervisions:compose", args=[cycle.pk])).status_code == 302
    page = client.get(url).content.decode()
    assert "Lundi matin" in page
    csv_response = client.get(reverse("intervisions:export", args=[cycle.pk, "csv"]))
    assert csv_response.status_code == 200
    assert csv_response.content.decode().count("\n") == 5
    xlsx = client.get(reverse("intervisions:export", args=[cycle.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.max_row == 5
    response = client.post(reverse("intervisions:publish", args=[cycle.pk]), {"confirm": "yes"})
    assert response.status_code == 302
    cycle.refresh_from_db()
    assert cycle.is_published
    assert client.get(reverse("intervisions:group", args=[groups[0].pk])).status_code == 200


@pytest.mark.django_db
def test_pages_need_the_right_role(client, user, cycle, groups):
    assert client.get(reverse("intervisions:home")).status_code == 200
    assert client.get(reverse("intervisions:cycle", args=[cycle.pk])).status_code == 200
    manage = reverse("intervisions:manage_cycle", args=[cycle.pk])
    assert client.get(manage).status_code == 302  # to the login page
    client.force_login(user)
    assert client.get(manage).status_code == 403
    assert client.get(reverse("intervisions:export", args=[cycle.pk, "csv"])).status_code == 403
    assert client.get(reverse("intervisions:group", args=[groups[0].pk])).status_code == 403


@pytest.mark.django_db
def test_draft_cycle_is_hidden(client, cycle):
    cycle.status = Cycle.Status.DRAFT
    cycle.save()
    assert client.get(reverse("intervisions:cycle", args=[cycle.pk])).status_code == 404


@pytest.mark.django_db
def test_signed_in_professional_sees_their_registration(client, user, cycle, groups, register):
    registration = register([groups[0]], user=user, email=user.email)
    client.force_login(user)
    page = client.get(reverse("intervisions:home")).content.decode()
    assert services.page_token(registration) in page


@pytest.mark.django_db
def test_facilitator_sees_their_groups(client, cycle, groups, facilitators):
    client.force_login(facilitators[0])
    page = client.get(reverse("intervisions:home")).content.decode()
    assert reverse("intervisions:group", args=[groups[0].pk]) in page
    assert client.get(reverse("intervisions:group", args=[groups[0].pk])).status_code == 200
