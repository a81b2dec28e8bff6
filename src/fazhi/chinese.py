"""Traditional → simplified characters, one character at a time, so offsets never move.

Some copies of the reports are in traditional characters (machine-converted). Detection and
extraction read a simplified *view* of the text; the published text stays as the source printed
it. The view is made character by character with OpenCC's t2s table (a phrase-level conversion can
change the length of a passage, which would break every offset), so `view[i]` always corresponds
to `text[i]` and an offset found in the view points at the same place in the published text.
"""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

_T2S = opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def simplified_char(char: str) -> str:
    """The simplified form of one character (itself when there is none or it is not 1:1)."""
    converted = _T2S.convert(char)
    return converted if len(converted) == 1 else char


class _Table(dict):
    """code point → its simplified character, filled on first sight (for `str.translate`, which
    looks every character up here in C: one Python call per distinct character, not per
    character)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        self[code] = found = simplified_char(char) if char >= "\u3400" else char
        return found


_TABLE = _Table()


@lru_cache(maxsize=1)
def _changing() -> re.Pattern:
    """Any character whose simplified form differs (every code point of the Basic Multilingual
    Plane from U+3400 on, looked up once), or any character beyond that plane (looked up as met):
    a text with none of them is its own simplified view."""
    def changes(char: str) -> bool:  # as simplified_char, without filling its cache
        converted = _T2S.convert(char)
        return len(converted) == 1 and converted != char

    changing = "".join(chr(c) for c in range(0x3400, 0x10000)
                       if not 0xD800 <= c <= 0xDFFF and changes(chr(c)))
    return re.compile(f"[{re.escape(changing)}\U00010000-\U0010FFFF]")


def simplified(text: str) -> str:
    """A simplified view of `text` with exactly the same length and alignment."""
    if text.isascii() or not _changing().search(text):
        return text  # most texts: one scan in C instead of a table look-up per character
    return text.translate(_TABLE)


def is_traditional(text: str) -> bool:
    """Whether the text has characters that differ from their simplified form."""
    return simplified(text) != text


# --- clause boundaries (shared by quantities and indicators) ----------------------------------

# A clause ends at a comma, semicolon, full stop, colon, exclamation or question mark (ASCII or
# full-width: published texts are NFKC-normalised, but the functions also take raw passages) or
# a line break.
CLAUSE_END = re.compile(r"[,，;；。:：!！?？\n]")
