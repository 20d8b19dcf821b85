"""Who may open each URL of the platform: the declared rules of the permission matrix.

One line per URL name: ``"name": Rule(WHO, "objects", post=False)``. ``WHO`` says, for each
kind of visitor (anonymous, professional without an organization, member of another
organization, administrator of the organization that owns the object, facilitator of the
group, coordinator), what they get:

- ``ok``: the page (2xx, or a redirect that is not to the login page);
- ``login``: sent to the login page;
- ``no``: refused (403, or 404 so as not to reveal that the object exists);
- ``any``: whatever it is, as long as it is not a server error (allauth's flows, bogus keys).

``"objects"`` names the URL's arguments in ``scenario.py``; ``post=True`` (or a dict of form
data, or the name of form data in ``scenario.py``) requests it with a POST (the view only
accepts POST). A redirect carrying an error message
counts as ``no``. Every request is rolled back, so the order of the visitors does not matter. ``test_permission_matrix.py`` resolves every URL
pattern of the project and fails on a URL without a rule here. New apps add their lines.
"""

from dataclasses import dataclass

ok, login, no, any_ = "ok", "login", "no", "any"


def who(anonymous, professional, other_member, org_admin, facilitator, coordinator):
    return (anonymous, professional, other_member, org_admin, facilitator, coordinator)


PUBLIC = who(ok, ok, ok, ok, ok, ok)
SIGNED_IN = who(login, ok, ok, ok, ok, ok)
COORDINATORS = who(login, no, no, no, no, ok)
COORDINATORS_403 = who(no, no, no, no, no, ok)  # the same, anonymous visitors get a 403
OWNERS = who(login, no, no, ok, no, ok)  # the organization's administrators and coordinators
FACILITATORS = who(login, no, no, no, ok, ok)  # the group's facilitators and coordinators
ANY = who(any_, any_, any_, any_, any_, any_)
MEMBERS = who(login, no, ok, ok, no, ok)  # members of an organization, and coordinators
THE_REGISTERED = who(no, no, ok, no, no, no)  # the person registered (other_member here)
THE_REQUESTER = who(login, no, ok, no, no, no)  # signed-in owner (other_member here)
REQUESTER_OR_COORDINATOR = who(login, no, ok, no, no, ok)
HOST_MEMBERS = who(login, no, no, ok, no, no)  # accepted members of the host organization


@dataclass(frozen=True)
class Rule:
    who: tuple
    objects: str = "none"
    post: bool | dict | str = False


RULES = {
    "set_language": Rule(PUBLIC, post=True),
    # HSDS API and feeds: public, anonymous.
    "hsds-root": Rule(PUBLIC),
    "hsds-services": Rule(PUBLIC),
    "hsds-service": Rule(PUBLIC, "hsds_service"),
    "hsds-organizations": Rule(PUBLIC),
    "hsds-organization": Rule(PUBLIC, "hsds_organization"),
    "hsds-taxonomies": Rule(PUBLIC),
    "hsds-taxonomy-terms": Rule(PUBLIC),
    "hsds-service-at-locations": Rule(PUBLIC),
    "hsds-openapi": Rule(PUBLIC),
    "events_feeds:all": Rule(PUBLIC),
    "events_feeds:type": Rule(PUBLIC, "event_type"),
    "events_feeds:series": Rule(PUBLIC, "series"),
    "events_feeds:personal": Rule(PUBLIC, "event_feed"),  # the holder of the signed link
    # Platform.
    "core:home": Rule(PUBLIC),
    "core:audit_log": Rule(COORDINATORS),
    "core:jobs": Rule(COORDINATORS),
    "core:picker": Rule(PUBLIC, "picker_source"),
    "core:my_registrations": Rule(SIGNED_IN),
    # Accounts (allauth) and two-factor authentication.
    "account_login": Rule(PUBLIC),
    "account_logout": Rule(PUBLIC),
    "account_inactive": Rule(PUBLIC),
    "account_signup": Rule(PUBLIC),
    "account_reauthenticate": Rule(SIGNED_IN),
    "account_email": Rule(SIGNED_IN),
    "account_email_verification_sent": Rule(PUBLIC),
    "account_change_password": Rule(SIGNED_IN),
    "account_set_password": Rule(SIGNED_IN),
    "account_reset_password": Rule(PUBLIC),
    "account_confirm_login_code": Rule(ANY),
    "account_confirm_email": Rule(ANY, "email_key"),
    "account_reset_password_from_key_done": Rule(PUBLIC),
    "account_reset_password_from_key": Rule(ANY, "reset_key"),
    "account_reset_password_done": Rule(PUBLIC),
    "mfa_index": Rule(SIGNED_IN),
    "mfa_authenticate": Rule(ANY),
    "mfa_reauthenticate": Rule(ANY),
    "mfa_activate_totp": Rule(SIGNED_IN),
    "mfa_deactivate_totp": Rule(ANY),
    "mfa_view_recovery_codes": Rule(ANY),
    "mfa_generate_recovery_codes": Rule(ANY),
    "mfa_download_recovery_codes": Rule(ANY),
    "accounts:profile": Rule(SIGNED_IN),
    "accounts:join": Rule(SIGNED_IN),
    "accounts:requests": Rule(SIGNED_IN),
    "accounts:decide": Rule(OWNERS, "request", post=True),
    # Directory.
    "directory:search": Rule(PUBLIC),
    "directory:organizations": Rule(PUBLIC),
    "directory:organization_propose": Rule(SIGNED_IN),
    "directory:organization": Rule(PUBLIC, "org"),
    "directory:organization_edit": Rule(OWNERS, "org"),
    "directory:organization_journal": Rule(OWNERS, "org"),
    "directory:service_journal": Rule(OWNERS, "service"),
    "directory:organization_report": Rule(SIGNED_IN, "org", post={"message": "Mauvais numéro"}),
    "directory:service_create": Rule(OWNERS, "org"),
    "directory:location_create": Rule(OWNERS, "org"),
    "directory:location_edit": Rule(OWNERS, "location"),
    "directory:service_report": Rule(SIGNED_IN, "org_service", post={"message": "Horaire erroné"}),
    "directory:service": Rule(PUBLIC, "service"),
    "directory:service_edit": Rule(OWNERS, "service"),
    "directory:service_verify": Rule(OWNERS, "service", post=True),
    "directory:service_publication": Rule(OWNERS, "service", post={"status": "published"}),
    "directory:moderation": Rule(COORDINATORS),
    "directory:organization_status": Rule(COORDINATORS, "org", post=True),
    "directory:report_close": Rule(COORDINATORS, "error_report", post=True),
    "directory:stale": Rule(COORDINATORS),
    "directory:duplicates": Rule(COORDINATORS),
    "directory:merge": Rule(COORDINATORS, "org_pair"),
    "directory:not_duplicate": Rule(COORDINATORS, "org_pair", post=True),
    "directory:thesaurus": Rule(COORDINATORS),
    "directory:thesaurus_new": Rule(COORDINATORS),
    "directory:thesaurus_edit": Rule(COORDINATORS, "thesaurus"),
    "directory:zero_results": Rule(COORDINATORS),
    # Events.
    "events:agenda": Rule(PUBLIC),
    "events:month_current": Rule(PUBLIC),
    "events:month": Rule(PUBLIC, "month"),
    "events:create": Rule(MEMBERS),
    "events:edit": Rule(OWNERS, "event"),
    "events:my_registrations": Rule(SIGNED_IN),
    "events:series": Rule(PUBLIC, "series"),
    "events:followup": Rule(PUBLIC),
    "events:action_new": Rule(COORDINATORS),
    "events:action_edit": Rule(COORDINATORS, "action"),
    "events:expectation_status": Rule(OWNERS, "expectation", post={"status": "taken_up"}),
    "events:cancel_by_token": Rule(PUBLIC, "cancel_token"),  # the holder of the signed link
    "events:detail": Rule(PUBLIC, "event"),
    "events:ics": Rule(PUBLIC, "event"),
    "events:register": Rule(PUBLIC, "event", post=True),
    "events:cancel": Rule(THE_REGISTERED, "event", post=True),
    "events:registrants": Rule(OWNERS, "event"),
    "events:export": Rule(OWNERS, "event_export"),
    "events:check_in": Rule(OWNERS, "event_registration", post=True),
    "events:cancel_for": Rule(OWNERS, "event_registration", post=True),
    "events:attendance": Rule(OWNERS, "event", post={"attendance_count": "12"}),
    "events:tables": Rule(OWNERS, "event"),
    "events:report_edit": Rule(OWNERS, "event"),
    # The report is not published yet: its files are for its organizers only (404 to others).
    "events:attachment": Rule(who(no, no, no, ok, no, ok), "attachment"),
    "events:attachment_remove": Rule(OWNERS, "attachment", post=True),
    "events:expectation_add": Rule(OWNERS, "event", post={"text": "Plus de formations"}),
    # Intervisions.
    "intervisions:home": Rule(PUBLIC),
    "intervisions:cycle": Rule(PUBLIC, "cycle"),
    "intervisions:register": Rule(PUBLIC, "cycle"),
    "intervisions:my_registration": Rule(PUBLIC, "intervision_token"),  # link holder
    "intervisions:withdraw": Rule(PUBLIC, "intervision_token", post=True),
    "intervisions:ics": Rule(PUBLIC, "intervision_token"),
    "intervisions:my_invoice": Rule(PUBLIC, "intervision_token"),
    "intervisions:my_certificate": Rule(ANY, "intervision_token"),
    "intervisions:my_data": Rule(PUBLIC, "intervision_token"),
    "intervisions:feed": Rule(PUBLIC, "intervision_feed"),
    "intervisions:group": Rule(FACILITATORS, "group"),
    "intervisions:plan": Rule(FACILITATORS, "group", post=True),
    # The scenario's group has no presentation schedule yet: the facilitators' swap is refused
    # by the domain, so only the refusal of everyone else is checked.
    "intervisions:swap": Rule(who(login, no, no, no, any_, any_), "group", post="swap"),
    "intervisions:attendance": Rule(FACILITATORS, "session"),
    "intervisions:session_place": Rule(FACILITATORS, "session"),
    "intervisions:manage_cycles": Rule(COORDINATORS),
    "intervisions:cycle_create": Rule(COORDINATORS),
    "intervisions:manage_cycle": Rule(COORDINATORS, "cycle"),
    "intervisions:cycle_edit": Rule(COORDINATORS, "cycle"),
    "intervisions:cycle_status": Rule(COORDINATORS, "cycle", post={"status": "closed"}),
    "intervisions:compose": Rule(COORDINATORS, "cycle", post=True),
    "intervisions:publish": Rule(COORDINATORS, "cycle", post=True),
    "intervisions:bulk_accept": Rule(COORDINATORS, "cycle", post="bulk_accept"),
    "intervisions:export": Rule(COORDINATORS, "cycle_export"),
    "intervisions:invoices": Rule(COORDINATORS, "cycle"),
    "intervisions:issue_invoices": Rule(COORDINATORS, "cycle"),
    "intervisions:issuer": Rule(COORDINATORS),
    "intervisions:group_create": Rule(COORDINATORS, "new_group"),
    "intervisions:group_edit": Rule(COORDINATORS, "cycle_group"),
    "intervisions:registration_action": Rule(
        COORDINATORS, "intervision_registration", post="accept_registration"
    ),
    "intervisions:invoice_pdf": Rule(COORDINATORS, "invoice"),
    "intervisions:credit": Rule(COORDINATORS, "invoice"),
    "intervisions:credit_note_pdf": Rule(COORDINATORS, "credit_note"),
    "intervisions:certificate": Rule(ANY, "intervision_registration"),
    # Orientation: the published paths are public, their editor is for coordinators.
    "orientation:home": Rule(PUBLIC),
    "orientation:step": Rule(PUBLIC, "need"),
    "orientation:result": Rule(PUBLIC, "need"),
    "orientation:open": Rule(PUBLIC, "orientation_open"),  # counts a click, then redirects
    "orientation:trees": Rule(COORDINATORS),
    "orientation:gaps": Rule(COORDINATORS),
    "orientation:tree_edit": Rule(COORDINATORS, "need"),
    "orientation:version_action": Rule(COORDINATORS, "need", post="publish_draft"),
    "orientation:node_new": Rule(COORDINATORS, "need"),
    "orientation:node_edit": Rule(COORDINATORS, "node"),
    "orientation:node_delete": Rule(COORDINATORS, "node", post=True),
    # Helpdesk: everyone sees their own requests only; triage and the watch are for coordinators.
    "helpdesk:my_requests": Rule(SIGNED_IN),
    "helpdesk:request_new": Rule(SIGNED_IN),
    "helpdesk:service_picker": Rule(SIGNED_IN),
    "helpdesk:request_detail": Rule(REQUESTER_OR_COORDINATOR, "help_request"),
    "helpdesk:feedback": Rule(THE_REQUESTER, "help_request", post="helped"),
    "helpdesk:triage": Rule(COORDINATORS),
    "helpdesk:log_call": Rule(COORDINATORS),
    "helpdesk:triage_detail": Rule(COORDINATORS, "help_request"),
    "helpdesk:triage_action": Rule(COORDINATORS, "help_request", post="take"),
    "helpdesk:triage_answer": Rule(COORDINATORS, "help_request", post=True),
    "helpdesk:triage_no_solution": Rule(COORDINATORS, "help_request", post=True),
    "helpdesk:watch": Rule(COORDINATORS),
    "helpdesk:watch_csv": Rule(COORDINATORS),
    "helpdesk:watch_chart": Rule(COORDINATORS, "watch_chart"),
    "helpdesk-api-watch": Rule(COORDINATORS_403),
    "helpdesk-api-openapi": Rule(PUBLIC),
    # Open doors: the programme is public; visits are their visitor's; slots their host's.
    "opendoors:programme": Rule(PUBLIC),
    "opendoors:programme_pdf": Rule(PUBLIC),
    "opendoors:slot": Rule(PUBLIC, "slot"),
    # The other member already booked this visit: refused by the domain, not by permission.
    "opendoors:book": Rule(who(login, ok, any_, ok, ok, ok), "slot", post=True),
    "opendoors:my_visits": Rule(SIGNED_IN),
    "opendoors:my_visits_pdf": Rule(SIGNED_IN),
    "opendoors:wishes": Rule(SIGNED_IN),
    "opendoors:host_home": Rule(SIGNED_IN),
    "opendoors:cancel": Rule(THE_REQUESTER, "visit", post=True),
    "opendoors:evaluate": Rule(THE_REQUESTER, "visit"),
    "opendoors:participation": Rule(HOST_MEMBERS, "participation"),
    "opendoors:slot_new": Rule(HOST_MEMBERS, "participation"),
    "opendoors:slot_edit": Rule(HOST_MEMBERS, "participation_slot"),
    "opendoors:slot_delete": Rule(HOST_MEMBERS, "empty_slot", post=True),
    "opendoors:visitors": Rule(HOST_MEMBERS, "slot"),
    # The visit has not started: the host's marking is refused by the domain (checked in
    # opendoors' own tests); only everyone else's refusal is checked here.
    "opendoors:attendance": Rule(who(login, no, no, any_, no, no), "visit", post=True),
    "opendoors:review_list": Rule(COORDINATORS),
    "opendoors:review": Rule(COORDINATORS, "participation"),
    "opendoors:wish_round": Rule(COORDINATORS),
    "opendoors:dashboard": Rule(COORDINATORS),
    "opendoors:chart": Rule(COORDINATORS, "opendoors_chart"),
    "opendoors:export": Rule(COORDINATORS, "opendoors_export"),
    # Privacy: the policy is public; my data is the signed-in person's; the rest coordinators'.
    "privacy:policy": Rule(PUBLIC),
    "privacy:accept": Rule(SIGNED_IN),
    "privacy:my_data": Rule(SIGNED_IN),
    "privacy:export_json": Rule(SIGNED_IN),
    "privacy:export_page": Rule(SIGNED_IN),
    "privacy:erase": Rule(SIGNED_IN),
    "privacy:schedule": Rule(COORDINATORS),
    "privacy:read_log": Rule(COORDINATORS),
    # Messages to participants: an event's organizers and the coordinators; a cycle's, the
    # coordinators only.
    "messaging:write_event": Rule(OWNERS, "event"),
    "messaging:event_history": Rule(OWNERS, "event"),
    "messaging:write_cycle": Rule(COORDINATORS, "cycle"),
    "messaging:cycle_history": Rule(COORDINATORS, "cycle"),
}

#: URL prefixes outside the matrix, with the reason: the Django admin has its own permission
#: system (staff only, tested by Django) and is behind the coordinators' two-factor gate.
EXCLUDED_PREFIXES = ("admin:",)
