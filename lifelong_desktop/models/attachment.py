"""A file kept with an activity (声像资料: photos, scans, documents): its name, size and content hash.

The file itself lives beside the database, in the `<database>-attachments/` folder, and a copy by content
hash in the backups folder's `attachments/` store (services.attachments), so a backup restored later finds
its files again.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String
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
