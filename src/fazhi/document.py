"""Document: citation metadata and the data dictionary, generated from the codebook.

Input:  src/fazhi/codebook/ (package metadata, fields, tables, indicators, 纲要 chapters).
Output: CITATION.cff (CFF 1.2.0, type dataset), .zenodo.json (upload_type dataset), and
        data/README.md, the bilingual data dictionary: every table, every column, every indicator.

Nothing here is written by hand, so the citation, the Zenodo record, the dictionary and
datapackage.json always agree (tests check each against the others).
"""

from __future__ import annotations

import json
import sys

import yaml

from fazhi import paths
from fazhi.codebook import FIELDS, LICENSES, PACKAGE, RELEASED, RESOURCES, VERSION
from fazhi.codebook.indicators import INDICATORS
from fazhi.codebook.structure import OUTLINE_CHAPTERS

AUTHORS = [{"name": "fazhi-reports team"}]
TITLE_EN = "Chinese governments' annual rule-of-law reports (fazhi-reports)"


def citation_text() -> str:
    """The suggested citation, as the README shows it."""
    year = RELEASED[:4]
    return (f"fazhi-reports team ({year}). {PACKAGE['title']} · {TITLE_EN}, version {VERSION} "
            f"[data set], released {RELEASED}. Licence: {LICENSES['tables']['name']}.")


def citation_cff() -> str:
    """CITATION.cff, Citation File Format 1.2.0."""
    content = {
        "cff-version": "1.2.0",
        "message": "If you use this dataset, please cite it as below.",
        "type": "dataset",
        "title": f"{PACKAGE['title']} · {TITLE_EN}",
        "version": VERSION,
        "date-released": RELEASED,
        "abstract": PACKAGE["description"],
        "keywords": PACKAGE["keywords"],
        "license": LICENSES["tables"]["name"],
        "authors": AUTHORS,
    }
    return yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=100)


def zenodo_json() -> str:
    """.zenodo.json: the same metadata for Zenodo (which ignores CITATION.cff when this exists)."""
    content = {
        "upload_type": "dataset",
        "title": f"{PACKAGE['title']} · {TITLE_EN}",
        "version": VERSION,
        "publication_date": RELEASED,
        "description": PACKAGE["description"],
        "keywords": PACKAGE["keywords"],
        "license": LICENSES["tables"]["name"].lower(),
        "creators": AUTHORS,
        "access_right": "open",
    }
    return json.dumps(content, ensure_ascii=False, indent=2) + "\n"


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _constraints(constraints: dict) -> str:
    parts = []
    if constraints.get("required"):
        parts.append("required")
    if "enum" in constraints and len(constraints["enum"]) <= 8:
        parts.append("one of " + ", ".join(f"`{v}`" for v in constraints["enum"]))
    elif "enum" in constraints:
        parts.append("an indicator id of the codebook")
    if "pattern" in constraints:
        parts.append(f"pattern `{constraints['pattern']}`")
    for key, word in (("minimum", "≥"), ("maximum", "≤")):
        if key in constraints:
            parts.append(f"{word} {constraints[key]}")
    return "; ".join(parts)


def data_dictionary() -> str:
    """data/README.md: bilingual description of every table, column and indicator."""
    lines = [
        f"# 数据字典 · Data dictionary — {PACKAGE['title']} v{VERSION}",
        "",
        "Generated from `src/fazhi/codebook/` by the pipeline (`python -m fazhi.document`); do not "
        "edit by hand. Every CSV is UTF-8 without BOM, `\\n` line ends, rows sorted by primary key; "
        "an empty cell is a missing value. Offsets (`start`, `end`) count Unicode characters in "
        "`data/texts/<report_id>.txt`, 0-based, end exclusive: `text[start:end]` is exactly the "
        "row's `surface` or `evidence`.",
        "",
        f"Suggested citation: {citation_text()}",
        "",
        "## 数据表 · Tables",
        "",
    ]
    for name, spec in RESOURCES.items():
        lines += [
            f"### `{spec['path']}` — {spec['title']}",
            "",
            spec["description"],
            "",
            f"Primary key: {', '.join(f'`{k}`' for k in spec['primary_key'])}."
            + (" Foreign keys: " + "; ".join(
                f"`{', '.join(fk['fields'])}` → {fk['reference']['resource']}" for fk in spec["foreign_keys"])
               + "." if spec["foreign_keys"] else ""),
            "",
        ]
        if name == "indicators_wide":
            lines += ["Columns: `report_id`, `report_year`, then one column per indicator id "
                      "(type number), holding the value for the report year; see the indicators "
                      "below.", ""]
            continue
        lines += ["| column | 中文 | type | description | constraints |", "|---|---|---|---|---|"]
        for column in spec["fields"]:
            field = FIELDS[column]
            lines.append(f"| `{column}` | {_cell(field['title'])} | {field['type']} | "
                         f"{_cell(field['description'])} | {_cell(_constraints(field.get('constraints', {})))} |")
        lines.append("")
    lines += ["## 指标 · Indicators", "",
              "Values in `data/indicators.csv`; an indicator a report does not state (or that was not "
              "extracted) is simply absent — never zero.", ""]
    for chapter, spec in OUTLINE_CHAPTERS.items():
        members = [(i, s) for i, s in INDICATORS.items() if s["outline_chapter"] == chapter]
        if not members:
            continue
        lines += [f"### 纲要第{chapter}章 · Outline chapter {chapter}: {spec['name_zh']}",
                  f"*{spec['name_en']}*", "",
                  "| indicator_id | 中文 | English | unit | definition | scope note |",
                  "|---|---|---|---|---|---|"]
        lines += [f"| `{i}` | {_cell(s['name_zh'])} | {_cell(s['name_en'])} | {s['unit']} | "
                  f"{_cell(s['definition'])} | {_cell(s['scope_note'])} |" for i, s in members]
        lines.append("")
    return "\n".join(lines)


OUTPUTS = {
    "CITATION.cff": citation_cff,
    ".zenodo.json": zenodo_json,
    "data/README.md": data_dictionary,
}


def main() -> None:
    for relative, build in OUTPUTS.items():
        (paths.ROOT / relative).write_text(build(), encoding="utf-8", newline="\n")
    print(f"document: {', '.join(OUTPUTS)} for version {VERSION}", file=sys.stderr)


if __name__ == "__main__":
    main()
