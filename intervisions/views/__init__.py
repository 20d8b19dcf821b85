"""Pages of the intervisions app: thin adapters over ``intervisions.services``.

- ``public``: cycles, the registration form, a registration's own page (signed link), feeds,
  its invoice and certificate;
- ``manage``: coordinators' cycle dashboard, composition, publication, exports;
- ``documents``: invoices, credit notes, the invoice issuer, certificates (coordinators);
- ``groups``: a group's page for facilitators, members and coordinators, attendance, rota.
"""
