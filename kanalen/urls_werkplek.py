from django.urls import path

from kanalen import views

app_name = "werkplek"

urlpatterns = [
    path("", views.werkplek_index, name="index"),
    path("klanten/<uuid:klant_uuid>/", views.werkplek_klantbeeld, name="klantbeeld"),
]
