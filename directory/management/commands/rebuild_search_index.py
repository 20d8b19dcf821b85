"""python manage.py rebuild_search_index: rebuild the directory search index from the sheets."""

from django.core.management.base import BaseCommand

from directory.search.indexer import rebuild


class Command(BaseCommand):
    help = "Rebuild the directory search index (SQLite FTS5 or PostgreSQL full text)."

    def handle(self, **options):
        total = rebuild(stdout=self.stdout)
        self.stdout.write(f"{total} services indexed.")
