"""Saved analyses and the last upload (SQLite through sqlite-utils)."""
