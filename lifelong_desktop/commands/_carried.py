"""Attachments' files carried along when a SQLite file's office moves onto a server (`db copy`, a file
restored into a server): the files beside the source file go into the server's attachment_content table."""

from __future__ import annotations

import sys

from sqlalchemy import Connection

from lifelong_desktop import messages
from lifelong_desktop.db import Database
from lifelong_desktop.services import attachment_content, attachments


class FilesCarried:
    """Called in the copy's transaction (copy_database's `then`): brings the source file's attachment files
    into a server target; does nothing between two files or from a server (the table travels as it is)."""

    def __init__(self, source: Database, target: Database) -> None:
        self.source, self.target = source, target
        self.brought = 0
        self.missing: list[str] = []

    def __call__(self, conn: Connection) -> None:
        if self.source.is_server or not self.target.is_server:
            return
        self.brought, self.missing = attachment_content.fill_from_folder(
            conn, attachments.folder(self.source.path), attachments.store(self.source.path)
        )

    def report(self) -> None:
        """Say how many files came in and which are missing (their rows are kept; listed as missing)."""
        if self.brought:
            print(messages.render("attachments.carried", count=self.brought, target=self.target.name))
        if self.missing:
            print(
                messages.render(
                    "attachments.carried_missing", count=len(self.missing), names="、".join(self.missing[:5])
                ),
                file=sys.stderr,
            )
