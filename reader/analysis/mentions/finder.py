"""The MentionFinder: the mentions of one article found (finding.py, with the roles of roles.py)
and resolved (resolution.py)."""

from __future__ import annotations

from .finding import MentionScan
from .resolution import MentionResolution


class MentionFinder(MentionScan, MentionResolution):
    """Find and resolve the person mentions of one article's narration."""
