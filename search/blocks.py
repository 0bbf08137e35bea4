"""The full answer's body: the shared blocks, nothing an answer does not need added."""

from site_core.blocks import BaseStreamBlock


class AnswerStreamBlock(BaseStreamBlock):
    """Kept as its own class so answers can gain blocks without touching other pages."""
