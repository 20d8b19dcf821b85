"""``manage.py pii_check FILE``: run the PII guard on each line of a file.

Prints one JSON object per line, ``{"pii": bool, "kinds": [...], "spans": [[start, end]...]}``,
and exits 0; an unreadable file is a clear error and exit code 2. Never prints the text itself.
"""

import json
import sys

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from helpdesk.guard import directory_known
from helpdesk.pii import scan


class Command(BaseCommand):
    help = "Check each line of a text file for a beneficiary's personal data (PII guard)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a UTF-8 text file, one text per line ('-' for stdin)")
        parser.add_argument(
            "--no-directory",
            action="store_true",
            help="do not load the directory's phones, addresses and names",
        )

    def handle(self, *args, **options):
        path = options["file"]
        try:
            if path == "-":
                lines = sys.stdin.read().splitlines()
            else:
                with open(path, encoding="utf-8") as handle:
                    lines = handle.read().splitlines()
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            self.stderr.write(
                _("Cannot read %(path)s: %(reason)s") % {"path": path, "reason": reason}
            )
            sys.exit(2)
        known = None if options["no_directory"] else directory_known()
        for line in lines:
            found = scan(line, known)
            kinds = list(dict.fromkeys(f.kind for f in found))
            self.stdout.write(
                json.dumps(
                    {"pii": bool(found), "kinds": kinds, "spans": [f.as_span() for f in found]}
                )
            )
