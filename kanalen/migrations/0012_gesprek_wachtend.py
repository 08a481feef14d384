# The calls waiting in the phone queue, for the metrics endpoint. Built
# concurrently: the call table is large and takes events from the phone system
# while a deploy migrates.
from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("kanalen", "0011_statusperiode"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="gesprek",
            index=models.Index(
                condition=models.Q(("status", "wachtend")),
                fields=["aangeboden_op"],
                name="kanalen_gesprek_wachtend",
            ),
        ),
    ]
