from django.urls import path

from .views import editor, paths

app_name = "orientation"
urlpatterns = [
    path("", paths.home, name="home"),
    path("coordination/", editor.trees, name="trees"),
    path("coordination/lacunes/", editor.gaps, name="gaps"),
    path("coordination/<slug:need>/", editor.tree_edit, name="tree_edit"),
    path("coordination/<slug:need>/version/", editor.version_action, name="version_action"),
    path("coordination/<slug:need>/noeuds/nouveau/", editor.node_edit, name="node_new"),
    path("coordination/<slug:need>/noeuds/<slug:code>/", editor.node_edit, name="node_edit"),
    path(
        "coordination/<slug:need>/noeuds/<slug:code>/supprimer/",
        editor.node_delete,
        name="node_delete",
    ),
    path("ouvrir/<str:token>/<uuid:service_id>/", paths.open_service, name="open"),
    path("<slug:need>/", paths.step, name="step"),
    path("<slug:need>/resultat/", paths.result, name="result"),
]
