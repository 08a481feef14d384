from django.urls import path

from kanalen.views import portaal as views

app_name = "portaal"

urlpatterns = [
    path("", views.portaal_index, name="index"),
    path("mijn-gegevens/", views.portaal_gegevens, name="gegevens"),
    path("mijn-contacten/", views.portaal_contacten, name="contacten"),
]
