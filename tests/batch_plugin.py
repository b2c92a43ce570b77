"""A batch worker plugin for the tests (loaded with run_batch(plugins=[this file]) or
$CLAUSIER_BATCH_PLUGINS): wraps the .txt reader of `review.readers.READERS` so that a
piece whose text starts with SLEEP hangs, and one starting with CRASH kills its process.
Any other .txt piece is read by the real reader."""

import os
import signal
import time

from review.readers import READERS

_real_txt = READERS["txt"]


def _misbehaving_reader(source):
    data = source.read_bytes()
    if data.startswith(b"SLEEP"):
        time.sleep(600)  # a reader that hangs; the alarm or the watchdog must stop it
    if data.startswith(b"CRASH"):
        os.kill(os.getpid(), signal.SIGKILL)  # a reader that takes its process down
    return _real_txt(source)


READERS["txt"] = _misbehaving_reader
