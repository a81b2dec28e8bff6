"""Document: citation metadata and the data dictionary, generated from the codebook.

Input:  src/fazhi/codebook/ (package metadata, fields, tables, indicators, 纲要 chapters).
Output: CITATION.cff (CFF 1.2.0, type dataset), CITATION.bib (the same as a BibTeX entry),
        .zenodo.json (upload_type dataset), and data/README.md, the bilingual data dictionary:
        every table, every column, every 纲要 chapter, every indicator.

Nothing here is written by hand, so the citation, the BibTeX entry, the Zenodo record, the
dictionary and datapackage.json always agree (tests check each against the others).
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


def cite_part_text() -> str:
    """How to cite one table or one indicator, as the README and the data dictionary show it."""
    example = "admin_reconsideration_correction_rate_pct"
    return (f"To cite one table or one indicator, cite the data set as above and name the table "
            f"and, for an indicator, its `indicator_id`, which is never renamed: e.g. "
            f"{INDICATORS[example]['name_zh']} (`indicator_id` `{example}`, `data/indicators.csv`), "
            f"fazhi-reports version {VERSION}.")


BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
                  "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
                  "^": r"\textasciicircum{}"}


def _bib(text: str) -> str:
    """Text as a BibTeX field value: LaTeX's special characters escaped."""
    return "".join(BIBTEX_SPECIAL.get(c, c) for c in str(text))


def bibtex_key() -> str:
    return f"fazhi-reports-v{VERSION}"


def citation_bib() -> str:
    """CITATION.bib: the citation as a BibTeX entry, from the same metadata as CITATION.cff."""
    months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    fields = [
        # Double braces: a corporate author, and a title whose capitals must stay as they are.
        ("author", "{" + " and ".join(_bib(a["name"]) for a in AUTHORS) + "}"),
        ("title", "{" + _bib(f"{PACKAGE['title']} · {TITLE_EN}") + "}"),
        ("year", RELEASED[:4]),
        ("month", None),
        ("date", RELEASED),
        ("version", VERSION),
        ("note", _bib(f"Data set, version {VERSION}, released {RELEASED}. "
                      f"Licence: {LICENSES['tables']['name']}")),
        ("keywords", _bib(", ".join(PACKAGE["keywords"]))),
    ]
    lines = [f"@misc{{{bibtex_key()},"]
    for name, value in fields:
        if name == "month":  # a BibTeX month macro, not a braced string
            lines.append(f"  {name:<8} = {months[int(RELEASED[5:7]) - 1]},")
        else:
            lines.append(f"  {name:<8} = {{{value}}},")
    return "\n".join(lines) + "\n}\n"


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
        "row's `surface` (quantities) or `evidence` (indicators), or the whole section "
        "(sections).",
        "",
        f"Suggested citation: {citation_text()} BibTeX: `CITATION.bib`. {cite_part_text()}",
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
                      "(type number), holding the value for the report year; "
                      "definitions in the indicators section below.", ""]
        lines += ["| column | 中文 | type | description | constraints |", "|---|---|---|---|---|"]
        for column in spec["fields"]:
            field = FIELDS[column]
            lines.append(f"| `{column}` | {_cell(field['title'])} | {field['type']} | "
                         f"{_cell(field['description'])} | {_cell(_constraints(field.get('constraints', {})))} |")
        lines.append("")
    lines += ["## 纲要章节 · Outline chapters", "",
              "The ten chapters of 法治政府建设实施纲要(2021-2025年), the values of `outline_chapter` "
              "in sections, outline_shares and codebook.", "",
              "| outline_chapter | 章名 | summary | indicators |", "|---|---|---|---|"]
    for chapter, spec in OUTLINE_CHAPTERS.items():
        count = sum(s["outline_chapter"] == chapter for s in INDICATORS.values())
        lines.append(f"| {chapter} | {_cell(spec['name_zh'])} | {_cell(spec['name_en'])} | {count} |")
    lines += ["", "## 指标 · Indicators", "",
              "Values in `data/indicators.csv`; an indicator a report does not state (or that was not "
              "extracted) is simply absent — never zero.", ""]
    for chapter, spec in OUTLINE_CHAPTERS.items():
        members = [(i, s) for i, s in INDICATORS.items() if s["outline_chapter"] == chapter]
        lines += [f"### 纲要第{chapter}章 · Outline chapter {chapter}: {spec['name_zh']}",
                  f"*{spec['name_en']}*", ""]
        if not members:
            lines += ["No indicator of the codebook belongs to this chapter yet; its share of each "
                      "report's text is in `data/outline_shares.csv`.", ""]
            continue
        lines += ["| indicator_id | 中文 | English | unit | definition | scope note |",
                  "|---|---|---|---|---|---|"]
        lines += [f"| `{i}` | {_cell(s['name_zh'])} | {_cell(s['name_en'])} | {s['unit']} | "
                  f"{_cell(s['definition'])} | {_cell(s['scope_note'])} |" for i, s in members]
        lines.append("")
    return "\n".join(lines)


OUTPUTS = {
    "CITATION.cff": citation_cff,
    "CITATION.bib": citation_bib,
    ".zenodo.json": zenodo_json,
    "data/README.md": data_dictionary,
}


def main() -> None:
    for relative, build in OUTPUTS.items():
        (paths.ROOT / relative).write_text(build(), encoding="utf-8", newline="\n")
    print(f"document: {', '.join(OUTPUTS)} for version {VERSION}", file=sys.stderr)


if __name__ == "__main__":
    main()
