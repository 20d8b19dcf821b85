"""Shared test helpers: factories (factories.py) and browser helpers (browser.py)."""
