"""Directory test fixtures. The fresh search snapshot of every test comes from the root
conftest (``_isolated_test``), so that other apps' tests get it too."""
