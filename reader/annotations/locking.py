"""The store's cross-process lock: flock on `annotations/.lock`, opened without following links.

The lock file is opened relative to the store root's descriptor with O_NOFOLLOW and never
truncated, so a `.lock` planted as a link to some other file neither locks nor changes it: the
store refuses in one line. Closing the descriptor releases the lock, so a killed holder never
leaves it held.
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import time

from .paths import LOCK_NAME


class LockTimeout(Exception):
    """Another process held the lock for longer than the timeout."""


def acquire_lock(root_fd: int, timeout_s: float, poll_s: float = 0.002) -> int:
    """Take the store lock; returns the descriptor whose closing releases it.

    LockTimeout after `timeout_s`; OSError when the lock file cannot be opened (ELOOP for a link).
    """
    fd = os.open(
        LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, 0o644, dir_fd=root_fd
    )
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, f"{LOCK_NAME} is not a regular file")
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return fd
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise LockTimeout() from None
                time.sleep(poll_s)
    except BaseException:
        os.close(fd)
        raise
