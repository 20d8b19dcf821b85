"""Use cases of the orientation tool: the only code that writes trees, versions and counts.

- ``trees``: reference trees, drafts, editing, validation and publication of versions;
- ``paths``: walking a path from its link, completing it (anonymous counts), opened services;
- ``results``: the directory search a path ends on, ranked, with reasons and next steps;
- ``coverage``: which branches of a tree find services in which basin.
"""
