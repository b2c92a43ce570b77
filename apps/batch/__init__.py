"""Reviewing every consultation of a folder: discovery, register, pool, summaries."""
