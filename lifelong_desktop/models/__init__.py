"""SQLAlchemy 2 typed models of a programme database; no Qt."""

from lifelong_desktop.models.activity import ROLE_RANK, Activity, ActivityOrganisation
from lifelong_desktop.models.attachment import Attachment, AttachmentContent
from lifelong_desktop.models.audit import AuditEntry
from lifelong_desktop.models.base import Base, new_uuid, now, table_of
from lifelong_desktop.models.codes import ROLE_FIELDS, ROLE_ORDER, Role
from lifelong_desktop.models.organisation import Organisation
from lifelong_desktop.models.programme import Programme
from lifelong_desktop.models.submission import Submission
from lifelong_desktop.models.venue import Venue
from lifelong_desktop.names import normalise_name

__all__ = [
    "ROLE_FIELDS",
    "ROLE_ORDER",
    "ROLE_RANK",
    "Activity",
    "ActivityOrganisation",
    "Attachment",
    "AttachmentContent",
    "AuditEntry",
    "Base",
    "Organisation",
    "Programme",
    "Role",
    "Submission",
    "Venue",
    "new_uuid",
    "normalise_name",
    "now",
    "table_of",
]
