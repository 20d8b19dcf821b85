"""Helpdesk requests from professionals (built by the helpdesk app)."""
