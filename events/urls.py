from django.urls import path
from django.views.generic import TemplateView

app_name = "events"
urlpatterns = [
    # Replaced by the real pages of the events issue.
    path("", TemplateView.as_view(template_name="base.html"), name="agenda"),
]
