"""Validity intervals and timelines: the one notion of time every other module shares."""

from corridor.time.interval import Interval
from corridor.time.timeline import Change, Timeline

__all__ = ["Change", "Interval", "Timeline"]
