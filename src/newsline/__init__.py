"""newsline: a timeline you can trust from a pile of news articles."""

__version__ = "0.1.0"
