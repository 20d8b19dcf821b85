"""Maillage: the Django project (settings, root URLs, shared templates and static files)."""
