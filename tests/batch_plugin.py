"""A batch worker plugin for the tests (loaded with run_batch(plugins=[this file]) or
$CLAUSIER_BATCH_PLUGINS): registers readers for two made-up formats in
`review.readers.READERS`: a .lent piece makes its reader hang, a .crash piece kills the
process that reads it."""

import os
import signal
import time

from review.readers import READERS


def _hanging_reader(source):
    time.sleep(600)  # the per-piece alarm or the batch watchdog must stop it
    raise AssertionError("never reached")


def _crashing_reader(source):
    os.kill(os.getpid(), signal.SIGKILL)  # a reader that takes its process down


READERS["lent"] = _hanging_reader
READERS["crash"] = _crashing_reader
