"""How several outlets frame one story: epithets, voices, shared and unique passages, related coverage.

Pure functions over the library's resolved analyses and the articles' texts (no spaCy, no UI): the
compare panel, `reader compare` and its reports all read the same `FramingReport`.
"""

from .epithets import EpithetForm, PersonEpithets, epithet_table
from .passages import PassageCluster, SharedPassages, shared_passages
from .report import FramingReport, framing_report
from .voices import OutletVoices, SpeakerVoice, voices

__all__ = [
    "EpithetForm",
    "FramingReport",
    "OutletVoices",
    "PassageCluster",
    "PersonEpithets",
    "SharedPassages",
    "SpeakerVoice",
    "epithet_table",
    "framing_report",
    "shared_passages",
    "voices",
]
