"""The dashboard listens to the channels: every queue event or change of an
agent's status tells the wallboards (after commit) to refresh."""

from dashboard.consumers import WALLBOARD_GROEP
from kcc.realtime import push_to_group


def wallboard_bijwerken(sender, **kwargs):
    push_to_group(WALLBOARD_GROEP, {"type": "wallboard"})
