"""Factories shared by every app's tests (factory_boy). Domain apps add their own factories in
``<app>/tests/factories.py`` and may import these.
"""

import factory
from allauth.account.models import EmailAddress

from accounts.models import Membership, User
from directory.identifiers import make_enterprise_number
from directory.models import Address, Location, Organization, PublicationStatus
from territory.models import Municipality

PASSWORD = "correct-horse-battery-9"
#: TOTP secret of every coordinator the factories create (two-factor authentication is required
#: for coordinators): ``totp_code()`` gives the current code for a login form in a browser test.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret: str = TOTP_SECRET) -> str:
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Sequence(lambda n: f"Prénom{n}")
    last_name = factory.Sequence(lambda n: f"Nom{n}")
    role = User.Role.PROFESSIONAL

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """Verified e-mail by default (pass verified=False for a fresh sign-up)."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def mfa(self, create, extracted, **kwargs):
        """Coordinators get an authenticator app (TOTP_SECRET) unless mfa=False; others only
        with mfa=True."""
        if create and (extracted or (extracted is None and self.is_coordinator)):
            from allauth.mfa.totp.internal.auth import TOTP

            TOTP.activate(self, TOTP_SECRET)


class CoordinatorFactory(UserFactory):
    role = User.Role.COORDINATOR


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Service social {n}")
    name_fr = factory.SelfAttribute("name")
    sector = "social"
    status = PublicationStatus.PUBLISHED
    enterprise_number = factory.Sequence(lambda n: make_enterprise_number(10_000_000 + n))


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    organization = factory.SubFactory(OrganizationFactory)
    latitude = 50.8336
    longitude = 4.3890


class AddressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Address

    location = factory.SubFactory(LocationFactory)
    address_1 = "rue de la Victoire 1"
    postal_code = "1040"
    city = "Etterbeek"
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(nis_code="21005"))


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    status = Membership.Status.ACCEPTED
    is_admin = False
