"""One raw file → a report (cleaned text and metadata) or a reject with its reason.

decode → clean → a body check (a title alone is not a report) → detect. Pure: the ingest stage
maps it over the corpus on every core, and the evaluate stage over the held-out openings.
"""

from __future__ import annotations

from fazhi.ingest import clean, decode, detect
from fazhi.ingest.reject import Reject


def ingest_one(item: tuple[str, bytes, str, dict]) -> dict:
    """One raw file → {"report": row, "text": cleaned} or {"reject": row}. Pure (runs in workers)."""
    name, raw, sha, override = item
    try:
        text, _encoding = decode.decode(raw)
        page_meta = {}
        if name.lower().endswith(decode.HTML_SUFFIXES):
            text, page_meta = decode.html_to_text(text)
        cleaned = clean.clean(text)
        for key, value in page_meta.items():
            cleaned.page_meta.setdefault(key, value)
        if not cleaned.text.strip():
            raise Reject("no text left after removing page boilerplate")
        detect.require_body(cleaned)
        meta = detect.report_metadata(cleaned, override)
    except Reject as exc:
        return {"reject": {"source_file": name, "source_sha256": sha, "reason": str(exc)}}
    return {"report": {"source_file": name, "source_sha256": sha,
                       "source_url": override.get("source_url"),
                       "retrieved": override.get("retrieved"), **meta,
                       "n_chars": len(cleaned.text)},
            "text": cleaned.text}
