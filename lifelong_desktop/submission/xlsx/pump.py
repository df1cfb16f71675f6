"""A zip entry's bytes written by a thread while the caller makes the next ones.

zlib lets go of Python's interpreter lock while it compresses, and so does the file's write: a worksheet's
XML is made in the caller's thread while the chunks before it are deflated and written (about a third of
an export's writing time on two cores). Only the pump's thread touches the entry until `close()`, which
waits for every chunk and raises the first error (a full disk, say), so the caller's own handling of it is
unchanged; after an error the remaining chunks are dropped.
"""

from __future__ import annotations

import queue
import threading
from typing import IO

# Chunks waiting at most (each some hundreds of rows of XML): the caller waits for the thread beyond them,
# so memory stays flat whichever side is faster.
WAITING = 4


class EntryPump:
    """`write(data)` hands bytes over to the thread writing them to `out`; `close()` ends it (see module)."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self._chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=WAITING)
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = threading.Thread(
            target=self._work, name="xlsx-deflate", daemon=True
        )
        self._thread.start()

    def _work(self) -> None:
        while (chunk := self._chunks.get()) is not None:
            if self._error is None:
                try:
                    self.out.write(chunk)
                except BaseException as exc:  # handed to the caller's thread by write() or close()
                    self._error = exc

    def write(self, data: bytes) -> None:
        """Queue `data` (waits while WAITING chunks are queued); raises the error the thread met, if any."""
        if self._error is not None:
            raise self._error
        self._chunks.put(data)

    def close(self) -> None:
        """Wait until every chunk is written; raise the error the thread met, if any. The entry stays open."""
        self.stop()
        if self._error is not None:
            raise self._error

    def stop(self) -> None:
        """Wait until the thread is done with what it was handed (the caller then may close the entry)."""
        if self._thread is not None:
            self._chunks.put(None)
            self._thread.join()
            self._thread = None
