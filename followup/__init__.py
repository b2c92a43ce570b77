"""The follow-up library (phase 02): the store, the monthly sheets, where each lot stands.

Applications (`apps/followup`, `apps/web`) call it; it stands on `review/` and the core."""
