"""Bytes → text: a fixed decoding order that fails loudly, and the main text of an HTML page."""

from __future__ import annotations

import re

import trafilatura

from fazhi.chinese import simplified
from fazhi.ingest.reject import Reject

# Decoding order (REFERENCE.md): detectors misread short Chinese texts, a fixed order does not.
ENCODINGS = ("utf-8", "gb18030", "big5")
# GB18030 decodes almost any byte string, Big5 included, into rare characters. A real Chinese text
# has most of its characters among the 3,755 common ones (GB2312 level 1, after simplification);
# below this share a decoding is taken as wrong.
PLAUSIBLE_SHARE = 0.8
HTML_SUFFIXES = (".htm", ".html")
HTML_DATE = re.compile(
    r"<meta[^>]+(?:name|property)=[\"'](?:PubDate|pubdate|publishdate|firstpublishedtime|"
    r"ArticlePubDate|article:published_time)[\"'][^>]*content=[\"']([^\"']+)[\"']", re.I)


def decode(raw: bytes) -> tuple[str, str]:
    """Decode in a fixed order: BOM, strict UTF-8, strict GB18030, Big5. Raise Reject otherwise."""
    if not raw.strip():
        raise Reject("empty file: nothing to read")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    if b"\x00" in raw:
        raise Reject("binary file (contains NUL bytes): save the report as text or HTML")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(raw) - 3:
            # A file cut in the middle of its last character: keep everything before it.
            return raw[:exc.start].decode("utf-8"), "utf-8 (truncated)"
    for encoding in ENCODINGS[1:]:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if common_share(text) >= PLAUSIBLE_SHARE:
            return text, encoding  # the first plausible one in the fixed order
    raise Reject(
        "undecodable: not valid UTF-8, and as GB18030 or Big5 it is not Chinese text; "
        "re-save the file as UTF-8"
    )


def _is_common(char: str) -> bool:
    try:
        code = simplified(char).encode("gb2312")
    except UnicodeEncodeError:
        return False
    return 0xB0 <= code[0] <= 0xD7


def common_share(text: str) -> float:
    """Share of the CJK characters that are common ones (GB2312 level 1 after simplification)."""
    cjk = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    return sum(map(_is_common, cjk)) / len(cjk) if cjk else 0.0


def html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """The main text of a web page (trafilatura), its title first, and its publish date meta tag."""
    main = trafilatura.extract(html, output_format="txt", include_tables=True,
                               include_comments=False, favor_recall=True, deduplicate=False) or ""
    found = trafilatura.extract_metadata(html)
    title = found.title if found is not None and found.title else None
    page_meta = {}
    m = HTML_DATE.search(html)
    if m:
        page_meta["发布日期"] = m[1]
    if title and title not in main:
        main = f"{title}\n{main}"
    return main, page_meta
