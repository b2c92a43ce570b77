"""What the applications that start worker processes share (batch pool, web reviews)."""

from __future__ import annotations

import multiprocessing.util
import os
import tempfile

# A Unix socket's path holds at most 107 bytes. multiprocessing puts the forkserver's socket
# in a folder under TMPDIR: a long TMPDIR (a CI runner's, a test's temporary folder) makes
# the forkserver fail with « AF_UNIX path too long ». Leave room for « pymp-xxxxxxxx/listener-xxxxxxxx ».
_MAX_TMPDIR = 60
_SHORT_PLACES = ("/tmp", "/var/tmp", "/dev/shm")


def short_multiprocessing_tempdir() -> None:
    """Make multiprocessing keep its sockets in a short folder when TMPDIR is long (the
    files of the application still go to TMPDIR). Call before starting a forkserver."""
    if len(tempfile.gettempdir()) <= _MAX_TMPDIR:
        return
    place = next((p for p in _SHORT_PLACES if os.access(p, os.W_OK | os.X_OK)), None)
    if place is None:
        return  # nowhere shorter: multiprocessing will say why
    saved = tempfile.tempdir
    tempfile.tempdir = place
    try:
        multiprocessing.util.get_temp_dir()  # created now, under `place`, and kept
    finally:
        tempfile.tempdir = saved
