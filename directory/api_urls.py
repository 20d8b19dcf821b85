"""API URLs (not language-prefixed). The HSDS API comes with the directory issue."""

urlpatterns: list = []
