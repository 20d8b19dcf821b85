"""Open Referral HSDS 3.x with the Maillage Brussels profile: serialization (``serialize``),
the tabular data package (``tabular``), import (``importer``) and export (``exporter``).
See docs/hsds-profile.md."""

HSDS_VERSION = "3.0"
PROFILE_URL = "https://maillage.brussels/docs/hsds-profile"
PROFILE_NAME = "maillage-brussels"
