from django.urls import path
from django.views.generic import TemplateView

app_name = "intervisions"
urlpatterns = [
    # Replaced by the real pages of the intervisions issue.
    path("", TemplateView.as_view(template_name="base.html"), name="home"),
]
