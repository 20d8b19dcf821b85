"""Directory pages, thin adapters: ``search`` (the landing page, list and map), ``sheets``
(organization and service pages, error reports), ``edit`` (members' editing), ``coordination``
(moderation, stale sheets, duplicates)."""
