"""`make metrics`: the evaluation figures as one short table that fits a terminal.

`dvc metrics show` prints every figure of metrics/extraction.json and metrics/metadata.json as
one very wide row; this prints one row per evaluation instead (precision, recall, F1, sizes; for
metadata the share of right fields). The per-indicator and per-report figures are in
metrics/extraction_detail.json, the individual errors in metrics/*_errors.json.
"""

from __future__ import annotations

from fazhi.load import load_metrics

LABELS = {
    "quantities": "quantities, seeds (gold lists)",
    "indicators": "indicators, seeds (gold)",
    "indicator_challenges": "indicators, challenge sentences",
    "indicators_dev": "indicators, held-out dev (tuned on)",
    "indicators_test": "indicators, held-out TEST (frozen)",
    "indicators_agreement": "  2nd blind annotator vs TEST gold",
    "indicators_agreement_extractor": "  extractor on those passages",
}


def label(key: str) -> str:
    """The row label of a metrics key: the fixed ones, else a held-out set's own name."""
    if key in LABELS:
        return LABELS[key]
    name = key.removeprefix("indicators_")
    return f"  set {name}" + (" (frozen)" if name.startswith("test") else " (tuned on)")


def lines() -> list[str]:
    out = [f"{'extraction':<40}{'precision':>10}{'recall':>8}{'f1':>8}{'gold':>7}"]
    for key, figures in load_metrics().items():
        out.append(f"{label(key):<40}{figures['precision']:>10.3f}{figures['recall']:>8.3f}"
                   f"{figures['f1']:>8.3f}{figures['gold']:>7}")
    out.append("")
    out.append(f"{'metadata':<24}{'region':>8}{'year':>7}{'date':>7}{'type':>7}{'files':>7}"
               f"{'wrong region':>14}")
    for key, m in load_metrics("metadata.json").items():
        if "region_code_accuracy" not in m:
            out.append(f"{key:<24}{m['right']} of {m['titles']} synthetic titles right, "
                       f"{m['rejected']} rejected, {m['wrong']} wrong")
            continue
        out.append(f"{key:<24}{m['region_code_accuracy']:>8.3f}{m['report_year_accuracy']:>7.3f}"
                   f"{m['publish_date_accuracy']:>7.3f}{m['issuer_type_accuracy']:>7.3f}"
                   f"{m['files']:>7}{m['wrong_region_published']:>14}")
    return out


def main() -> None:
    print("\n".join(lines()))


if __name__ == "__main__":
    main()
