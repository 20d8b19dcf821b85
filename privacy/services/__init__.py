"""Use cases of the privacy app.

- ``consent``: record that a person accepted the current data policy, and whether they must be
  asked again;
- ``retention``: apply every declared retention policy (the scheduled job) and list what will be
  removed when;
- ``export``: everything the platform holds about one person (the "My data" download);
- ``erasure``: erase one's account (registrations anonymised, invoices and statistics kept).
"""
