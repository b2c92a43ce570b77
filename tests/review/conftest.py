"""The reading tests import their helpers from reading_helpers.py (beside this file)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
