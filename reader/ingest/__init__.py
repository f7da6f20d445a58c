"""Adding articles to the library from the web, HTML files, text files and stdin. No UI in here."""

from .adding import SAME_TEXT, SAME_URL, STDIN, AddResult, add_source, find_same_text, find_same_url
from .errors import AddError
from .fetch import DEFAULT_TIMEOUT, MAX_PAGE_BYTES

__all__ = [
    "DEFAULT_TIMEOUT",
    "MAX_PAGE_BYTES",
    "SAME_TEXT",
    "SAME_URL",
    "STDIN",
    "AddError",
    "AddResult",
    "add_source",
    "find_same_text",
    "find_same_url",
]
