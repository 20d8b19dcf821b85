"""Directory search: one interface, two backends (SQLite FTS5, PostgreSQL word table with a
B-tree, and trigrams for typos). ``text`` and ``ranking`` are pure Python; ``backends`` holds the SQL;
``indexer`` keeps the index in sync; ``engine`` answers a search (results, facet counts, sort).
"""
