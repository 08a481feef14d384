"""The one inbox: waiting work of every channel, routing by skill, agent status."""
