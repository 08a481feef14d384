# The app's first migration: it holds no tables yet. Later issues add them
# on top of this one, so every environment has the same migration history.
from django.db import migrations


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = []
