"""Evaluate: extraction against the hand-made gold annotations in tests/gold/.

Input:  tests/gold/quantities/<raw file stem>.csv (every quantity of a report, made by reading it),
        data/interim/reports.csv (raw file → report_id), data/texts/.
Output: metrics/extraction.json (`dvc metrics show`).

A gold row is located in the cleaned text by its verbatim `context` (NFKC-normalised like the
text). A predicted quantity matches a gold one when their spans overlap and value, lower and upper
are equal; each gold row matches at most once. Gold rows whose context is not in the cleaned text
(page furniture such as a view counter, which cleaning removes on purpose) are counted apart as
`gold_outside_text` and left out of recall.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pandas as pd

from fazhi import paths
from fazhi.io import read_csv
from fazhi.quantities import Quantity, find_quantities

GOLD_QUANTITY_COLUMNS = ["surface", "value", "unit", "qualifier", "lower", "upper", "ref_year",
                         "context"]
# Units the annotators wrote differently from the extractor's normal form, same meaning.
UNIT_SYNONYMS = {"件(次)": "件次", "人(次)": "人次"}


@dataclass(frozen=True)
class GoldQuantity:
    start: int
    end: int
    value: Decimal | None
    lower: Decimal | None
    upper: Decimal | None
    unit: str | None
    surface: str


def _decimal(cell) -> Decimal | None:
    return None if cell is None or pd.isna(cell) or cell == "" else Decimal(str(cell))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def locate_gold(text: str, gold: pd.DataFrame) -> tuple[list[GoldQuantity], list[dict]]:
    """Gold rows as spans of the cleaned text, and the rows whose context is not in it."""
    located, outside = [], []
    for row in gold.to_dict("records"):
        context, surface = _norm(row["context"]), _norm(row["surface"])
        at = text.find(context)
        if at < 0:
            outside.append(row)
            continue
        offset = context.find(surface)
        assert offset >= 0, f"gold surface {surface!r} is not in its context {context!r}"
        start = at + offset
        unit = row["unit"] if isinstance(row["unit"], str) and row["unit"] else None
        located.append(GoldQuantity(start, start + len(surface), _decimal(row["value"]),
                                    _decimal(row["lower"]), _decimal(row["upper"]),
                                    UNIT_SYNONYMS.get(unit, unit), surface))
    return located, outside


def match(predicted: list[Quantity], gold: list[GoldQuantity]) -> list[tuple[Quantity, GoldQuantity]]:
    """Pairs (prediction, gold) with overlapping spans and equal value and bounds."""
    pairs, used = [], set()
    for q in predicted:
        for i, g in enumerate(gold):
            if i in used or not (g.start < q.end and q.start < g.end):
                continue
            if (q.value, q.lower, q.upper) == (g.value, g.lower, g.upper):
                pairs.append((q, g))
                used.add(i)
                break
    return pairs


def scores(tp: int, n_predicted: int, n_gold: int) -> dict:
    precision = tp / n_predicted if n_predicted else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def evaluate_quantities(texts: dict[str, str], gold: dict[str, pd.DataFrame]) -> dict:
    """Precision, recall and F1 of find_quantities per annotated report and overall. Pure.

    Returns the metrics and, under "errors", the false positives and misses for reading.
    """
    per_report, errors = {}, {}
    totals = {"tp": 0, "predicted": 0, "gold": 0, "unit_agree": 0, "gold_outside_text": 0}
    for report_id in sorted(gold):
        text = texts[report_id]
        located, outside = locate_gold(text, gold[report_id])
        predicted = find_quantities(text)
        pairs = match(predicted, located)
        matched_q = {id(q) for q, _ in pairs}
        matched_g = {id(g) for _, g in pairs}
        unit_agree = sum(q.unit == g.unit for q, g in pairs)
        counts = {"tp": len(pairs), "predicted": len(predicted), "gold": len(located),
                  "unit_agree": unit_agree, "gold_outside_text": len(outside)}
        per_report[report_id] = {**counts, **scores(len(pairs), len(predicted), len(located))}
        errors[report_id] = {
            "false_positives": [q.surface for q in predicted if id(q) not in matched_q],
            "misses": [g.surface for g in located if id(g) not in matched_g],
        }
        for key in totals:
            totals[key] += counts[key]
    overall = {**totals, **scores(totals["tp"], totals["predicted"], totals["gold"])}
    overall["unit_accuracy"] = round(totals["unit_agree"] / totals["tp"], 4) if totals["tp"] else 0.0
    return {"quantities": {"overall": overall, "per_report": per_report}, "errors": errors}


def read_gold_quantities(gold_dir: Path, report_ids: dict[str, str]) -> dict[str, pd.DataFrame]:
    """Gold quantity tables by report_id (file stem → report via the raw file name)."""
    out = {}
    for path in sorted((gold_dir / "quantities").glob("*.csv")):
        frame = read_csv(path)
        assert list(frame.columns) == GOLD_QUANTITY_COLUMNS, f"{path}: unexpected columns"
        raw_name = f"{path.stem}.txt"
        assert raw_name in report_ids, f"{path}: no report was made from data/raw/{raw_name}"
        out[report_ids[raw_name]] = frame
    return out


def main() -> None:
    reports = read_csv(paths.INTERIM_REPORTS)
    report_ids = dict(zip(reports["source_file"], reports["report_id"]))
    gold = read_gold_quantities(paths.GOLD, report_ids)
    texts = {rid: paths.text_path(rid).read_text(encoding="utf-8") for rid in gold}
    result = evaluate_quantities(texts, gold)
    paths.METRICS.mkdir(exist_ok=True)
    (paths.METRICS / "extraction.json").write_text(
        json.dumps({"quantities": result["quantities"]}, ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8")
    (paths.METRICS / "extraction_errors.json").write_text(
        json.dumps(result["errors"], ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    overall = result["quantities"]["overall"]
    print(f"evaluate: quantities on {len(gold)} annotated reports: precision "
          f"{overall['precision']}, recall {overall['recall']}", file=sys.stderr)


if __name__ == "__main__":
    main()
