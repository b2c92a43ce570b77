"""Alembic migrations of the follow-up store, run by `followup.store.open_store`."""
