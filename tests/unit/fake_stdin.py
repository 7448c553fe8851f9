"""A stand-in for sys.stdin in CLI tests: the bytes a user pipes in, or a terminal (isatty)."""

import io


class FakeStdin:
    def __init__(self, data: bytes, tty: bool = False):
        self.buffer = io.BytesIO(data)
        self._tty = tty

    def isatty(self):
        return self._tty
