"""The hand-made annotation files (gold, challenge, held-out sets): their columns and constraints.

Like the published tables, every annotation file has a schema, so a typo in a gold file fails
where it is read (`fazhi.gold.read_gold`), naming the file, column and row — not as a silent
miss in the scores. Columns are read as text; `kind` says what a cell must look like:
`text`, `integer`, `decimal`, `date` (ISO), `boolean` (true/false), or a list of allowed values.
"""

from __future__ import annotations

from fazhi.codebook.fields import QUALIFIERS, SECTION_ELEMENTS
from fazhi.codebook.indicators import INDICATORS

INDICATOR_IDS = sorted(INDICATORS)
ISSUER_TYPES = ["government", "department", "township"]

# name → (files, relative to tests/, as a glob; {column: (kind, required)})
GOLD: dict[str, tuple[str, dict[str, tuple[object, bool]]]] = {
    "quantities": ("gold/quantities/*.csv", {
        "surface": ("text", True), "value": ("decimal", False), "unit": ("text", False),
        "qualifier": (QUALIFIERS, True), "lower": ("decimal", False),
        "upper": ("decimal", False), "ref_year": ("integer", False), "context": ("text", True)}),
    "indicators": ("gold/indicators.csv", {
        "source_file": ("text", True), "indicator_id": (INDICATOR_IDS, True),
        "ref_year": ("integer", True), "value": ("decimal", False), "unit": ("text", True),
        "qualifier": (QUALIFIERS, True), "lower": ("decimal", False), "upper": ("decimal", False),
        "period": ("text", True), "evidence": ("text", True), "note": ("text", False)}),
    "indicator_traps": ("gold/indicator_traps.csv", {
        "source_file": ("text", True), "indicator_id": (INDICATOR_IDS, True),
        "evidence": ("text", True), "why": ("text", True)}),
    "sections": ("gold/sections/*.csv", {
        "number": ("text", True), "heading": ("text", False), "level": ("integer", True),
        "element": (SECTION_ELEMENTS, True)}),
    "elements": ("gold/elements.csv", {
        "source_file": ("text", True),
        **{f"has_{e}": ("boolean", True) for e in SECTION_ELEMENTS[1:]},
        "evidence_shortcomings": ("text", False), "evidence_leader_duties": ("text", False),
        "evidence_next_year_plan": ("text", False)}),
    "challenges": ("challenge/indicator_challenges.csv", {
        "case_id": ("text", True), "text": ("text", True), "report_year": ("integer", True),
        "indicator_id": (INDICATOR_IDS, False), "ref_year": ("integer", False),
        "value": ("decimal", False), "note": ("text", False)}),
    "heldout_passages": ("heldout/indicators/*/passages.csv", {
        "case_id": ("text", True), "text": ("text", True), "report_year": ("integer", True),
        "indicator_id": (INDICATOR_IDS, False), "ref_year": ("integer", False),
        "value": ("decimal", False), "qualifier": (QUALIFIERS, False), "period": ("text", False),
        "note": ("text", False), "source_url": ("text", False)}),
    "heldout_ambiguous": ("heldout/indicators/*/ambiguous.csv", {
        "case_id": ("text", True), "text": ("text", True), "report_year": ("integer", False),
        "question": ("text", True), "source_url": ("text", False)}),
    "heldout_metadata": ("heldout/metadata/*/gold.csv", {
        "file": ("text", True), "expect": (["report", "reject"], True), "issuer": ("text", False),
        "issuer_type": (ISSUER_TYPES, False), "region_code": ("region_code", False),
        "region_name": ("text", False), "report_year": ("integer", False),
        "publish_date": ("date", False), "source_url": ("text", False), "note": ("text", False)}),
}
