"""iCal feeds (not language-prefixed). Filled by the events issue."""

urlpatterns: list = []
