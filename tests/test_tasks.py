import pytest
from django.core.management import CommandError, call_command

from kcc.tasks import heartbeat


def test_it_reports_beat_unhealthy_until_the_heartbeat_ran():
    with pytest.raises(CommandError, match="No heartbeat"):
        call_command("beat_healthcheck")
    heartbeat.apply()
    call_command("beat_healthcheck", "--max-age", "60")
