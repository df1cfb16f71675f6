"""A file kept with an activity (声像资料: photos, scans, documents): its name, size and content hash.

The file itself lives beside the database, in the `<database>-attachments/` folder, and a copy by content
hash in the backups folder's `attachments/` store (services.attachments), so a backup restored later finds
its files again.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from lifelong_desktop.models.base import Base, now


class Attachment(Base):
    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(255))  # as the user named it
    stored_name: Mapped[str] = mapped_column(String(300), unique=True)  # path inside the attachments folder
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now)

    def __repr__(self) -> str:
        return f"<Attachment {self.stored_name} {self.size}>"


class AttachmentContent(Base):
    """The bytes of an attachment kept in the database itself, once per content (by SHA-256): how a server
    database shares its files with every planner; a SQLite file keeps them in its folder instead, and holds
    rows here only when it was copied from a server (services.attachment_content)."""

    __tablename__ = "attachment_content"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now)

    def __repr__(self) -> str:
        return f"<AttachmentContent {self.sha256[:12]} {self.size}>"
