from django.urls import path

from dashboard import views

app_name = "dashboard"

urlpatterns = [
    path("", views.index, name="index"),
    path("planning/", views.planning, name="planning"),
    path("wallboard/", views.wallboard, name="wallboard"),
    path("kpi/<slug:kpi>/", views.detail, name="detail"),
]
