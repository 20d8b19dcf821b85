"""Open doors week (built by the opendoors app)."""
