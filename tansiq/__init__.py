"""Tansiq: counter-terrorism intelligence fusion and sharing on FollowTheMoney statements."""

__version__ = "0.1.0"
