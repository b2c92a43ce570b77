"""The follow-up after award (phase 02) and the bilan (phase 03)."""
