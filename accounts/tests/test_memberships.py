"""Joining an organization: request, accept, refuse, and who may decide."""

from django.core import mail
from django.urls import reverse

from accounts import services
from accounts.models import Membership
from maillage.testing.factories import MembershipFactory, OrganizationFactory, UserFactory


def test_request_then_admin_accepts(client, user, organization, org_admin):
    client.force_login(user)
    response = client.post(
        reverse("accounts:join"), {"organization": organization.pk, "message": "Bonjour"}
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=user, organization=organization)
    assert membership.status == Membership.Status.PENDING
    assert [m.to for m in mail.outbox] == [[org_admin.email]]

    client.force_login(org_admin)
    page = client.get(reverse("accounts:requests"))
    assert user.email in page.content.decode()
    client.post(reverse("accounts:decide", args=[membership.pk, "accept"]))
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACCEPTED
    assert membership.decided_by == org_admin
    assert mail.outbox[-1].to == [user.email]
    assert organization.pk in user.organization_ids()


def test_refusal_with_reason_is_shown_to_the_person(client, user, organization, org_admin):
    membership = services.request_membership(user, organization)
    client.force_login(org_admin)
    client.post(
        reverse("accounts:decide", args=[membership.pk, "refuse"]), {"reason": "Inconnue chez nous"}
    )
    membership.refresh_from_db()
    assert membership.status == Membership.Status.REFUSED
    assert "Inconnue chez nous" in mail.outbox[-1].body
    client.force_login(user)
    assert "Inconnue chez nous" in client.get(reverse("accounts:profile")).content.decode()


def test_plain_member_cannot_accept(client, user, organization, org_admin):
    membership = services.request_membership(user, organization)
    plain = MembershipFactory(organization=organization, is_admin=False).user
    client.force_login(plain)
    response = client.post(reverse("accounts:decide", args=[membership.pk, "accept"]), follow=True)
    membership.refresh_from_db()
    assert membership.status == Membership.Status.PENDING
    assert "Seul" in response.content.decode()  # "Seul un administrateur..."
    assert user.email not in client.get(reverse("accounts:requests")).content.decode()


def test_admin_of_another_organization_cannot_accept(user, organization):
    membership = services.request_membership(user, organization)
    other_admin = MembershipFactory(organization=OrganizationFactory(), is_admin=True).user
    try:
        services.accept_membership(membership.pk, other_admin)
    except services.MembershipError as error:
        assert error.code == "not_allowed"
    else:
        raise AssertionError("an admin of another organization accepted the request")


def test_coordinator_decides_when_organization_has_no_admin(user, organization, coordinator):
    membership = services.request_membership(user, organization)
    assert mail.outbox[-1].to == [coordinator.email]
    services.accept_membership(membership.pk, coordinator)
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACCEPTED


def test_double_request_and_double_decision_are_refused(client, user, organization, org_admin):
    services.request_membership(user, organization)
    client.force_login(user)
    response = client.post(reverse("accounts:join"), {"organization": organization.pk})
    assert response.status_code == 200
    assert "déjà en attente" in response.content.decode()
    assert Membership.objects.filter(user=user).count() == 1
    membership = Membership.objects.get(user=user)
    services.accept_membership(membership.pk, org_admin)
    try:
        services.refuse_membership(membership.pk, org_admin)
    except services.MembershipError as error:
        assert error.code == "not_pending"
    else:
        raise AssertionError("a decided request was decided again")


def test_refused_person_may_ask_again(user, organization, org_admin):
    membership = services.request_membership(user, organization)
    services.refuse_membership(membership.pk, org_admin, "non")
    again = services.request_membership(user, organization, "je suis nouvelle")
    assert again.pk == membership.pk and again.status == Membership.Status.PENDING


def test_unpublished_organization_cannot_be_joined(user):
    draft = OrganizationFactory(status="draft")
    try:
        services.request_membership(user, draft)
    except services.MembershipError as error:
        assert error.code == "unpublished"
    else:
        raise AssertionError("joined a draft organization")


def test_last_admin_cannot_be_removed(organization, org_admin, coordinator):
    membership = Membership.objects.get(user=org_admin)
    try:
        services.set_admin(membership.pk, coordinator, False)
    except services.MembershipError as error:
        assert error.code == "last_admin"
    else:
        raise AssertionError("the last administrator was removed")
    second = MembershipFactory(organization=organization, user=UserFactory())
    services.set_admin(second.pk, coordinator, True)
    services.set_admin(membership.pk, coordinator, False)
    membership.refresh_from_db()
    assert not membership.is_admin


def test_join_page_requires_login(client, db):
    response = client.get(reverse("accounts:join"))
    assert response.status_code == 302 and "/compte/login/" in response["Location"]
