"""The published package: valid, and exactly what the pipeline regenerates.

A committed file that differs from its rebuild fails naming what differs: for a table, the key
(primary key values) and column of each differing cell, and the keys only in one of the two; for
datapackage.json, the path of each differing entry (resources and fields by name); for a text,
the first differing character.
"""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from frictionless import Package

from fazhi import extract, paths, publish, segment
from fazhi.codebook import RESOURCES


@pytest.fixture(scope="module")
def rebuilt(ingested) -> dict[str, bytes]:
    """Every published file, regenerated in memory from data/raw/ (ingest → segment → extract → publish)."""
    reports, rejects, texts = ingested
    text_bytes = {rid: t.encode("utf-8") for rid, t in texts.items()}
    sections, elements, shares = segment.run(reports, texts)
    years = dict(zip(reports["report_id"], reports["report_year"]))
    quantities, indicator_values, checks = extract.run(texts, years, sections)
    frames = {"reports": reports, "rejects": rejects, "sections": sections, "elements": elements,
              "outline_shares": shares, "quantities": quantities, "indicators": indicator_values,
              "checks": checks}
    out = publish.run(frames, text_bytes)
    out.update({f"data/texts/{rid}.txt": b for rid, b in text_bytes.items()})
    return out


def test_datapackage_is_valid_frictionless():
    """`frictionless validate datapackage.json` (Python API) finds no error."""
    report = Package(str(paths.DATAPACKAGE)).validate()
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "type", "note"])


def _cells(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)


def _key_text(key_columns: list[str], key) -> str:
    values = key if isinstance(key, tuple) else (key,)
    return ", ".join(f"{c}={v}" for c, v in zip(key_columns, values))


def table_differences(table: str, committed: bytes, rebuilt: bytes, limit: int = 30) -> list[str]:
    """Where a committed table and its rebuild differ: columns, keys only in one of them, and
    each differing cell by table, primary key and column (at most `limit` lines)."""
    if committed == rebuilt:
        return []
    key = RESOURCES[table]["primary_key"]
    old, new = _cells(committed), _cells(rebuilt)
    out = []
    if list(old.columns) != list(new.columns):
        out.append(f"{table}: columns differ: committed {list(old.columns)}, rebuilt {list(new.columns)}")
    if not set(key) <= set(old.columns) & set(new.columns):
        return out + [f"{table}: primary key {key} missing from a file"]
    for name, frame in (("committed", old), ("rebuilt", new)):
        repeated = frame[frame.duplicated(key, keep=False)]
        out += [f"{table}: key ({_key_text(key, tuple(k))}) repeated in the {name} file"
                for k in repeated[key].drop_duplicates().itertuples(index=False)]
    old, new = old.drop_duplicates(key).set_index(key), new.drop_duplicates(key).set_index(key)
    out += [f"{table}: key ({_key_text(key, k)}) only in the committed file"
            for k in old.index.difference(new.index)]
    out += [f"{table}: key ({_key_text(key, k)}) only in the rebuilt file"
            for k in new.index.difference(old.index)]
    common = old.index.intersection(new.index, sort=False)
    columns = [c for c in old.columns if c in new.columns]
    for k in common:
        for column in columns:
            before, after = old.at[k, column], new.at[k, column]
            if before != after:
                out.append(f"{table}, key ({_key_text(key, k)}), column {column}: "
                           f"committed {before!r}, rebuilt {after!r}")
    if not out:
        old_lines, new_lines = committed.splitlines(), rebuilt.splitlines()
        line = next((i for i, (a, b) in enumerate(zip(old_lines, new_lines), start=1) if a != b), None)
        out.append(f"{table}: same cells, different bytes (row order, quoting or line ends)"
                   + (f"; first differing line {line}" if line else ""))
    return out[:limit] + ([f"... and {len(out) - limit} more"] if len(out) > limit else [])


def json_differences(committed, rebuilt, where: str = "datapackage.json") -> list[str]:
    """Paths where two JSON documents differ; list items with a `name` are matched by name."""
    if committed == rebuilt:
        return []
    if isinstance(committed, dict) and isinstance(rebuilt, dict):
        out = []
        for k in [*committed, *(k for k in rebuilt if k not in committed)]:
            if k not in rebuilt or k not in committed:
                out.append(f"{where}.{k}: only in the {'committed' if k in committed else 'rebuilt'} file")
            else:
                out += json_differences(committed[k], rebuilt[k], f"{where}.{k}")
        return out
    named = (isinstance(committed, list) and isinstance(rebuilt, list)
             and all(isinstance(x, dict) and "name" in x for x in committed + rebuilt))
    if named:
        return _named_differences(committed, rebuilt, where)
    before, after = (json.dumps(x, ensure_ascii=False)[:200] for x in (committed, rebuilt))
    return [f"{where}: committed {before}, rebuilt {after}"]


def _named_differences(committed: list, rebuilt: list, where: str) -> list[str]:
    old, new = {x["name"]: x for x in committed}, {x["name"]: x for x in rebuilt}
    out = []
    for name in [*old, *(n for n in new if n not in old)]:
        if name not in old or name not in new:
            out.append(f"{where}[name={name}]: only in the {'committed' if name in old else 'rebuilt'} file")
        else:
            out += json_differences(old[name], new[name], f"{where}[name={name}]")
    if not out and [x["name"] for x in committed] != [x["name"] for x in rebuilt]:
        out.append(f"{where}: same entries in a different order")
    return out


def text_differences(committed: dict[str, bytes], rebuilt: dict[str, bytes]) -> list[str]:
    """Texts only in one of the two, and the first differing character of each changed text."""
    out = [f"{path}: only in the {'committed' if path in committed else 'rebuilt'} texts"
           for path in sorted(set(committed) ^ set(rebuilt))]
    for path in sorted(set(committed) & set(rebuilt)):
        if committed[path] != rebuilt[path]:
            old = committed[path].decode("utf-8", "replace")
            new = rebuilt[path].decode("utf-8", "replace")
            i = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
            out.append(f"{path}: first difference at character {i}: committed "
                       f"{old[max(0, i - 10):i + 10]!r}, rebuilt {new[max(0, i - 10):i + 10]!r}")
    return out


def test_committed_datapackage_equals_the_regenerated_one(rebuilt):
    """datapackage.json is generated, never hand-edited: a rebuild gives the same bytes."""
    committed = paths.DATAPACKAGE.read_bytes()
    differences = json_differences(json.loads(committed), json.loads(rebuilt["datapackage.json"]))
    assert not differences, "\n".join(differences)
    assert committed == rebuilt["datapackage.json"], "datapackage.json: same content, different bytes"


@pytest.mark.parametrize("table", sorted(RESOURCES))
def test_committed_table_equals_the_regenerated_one(rebuilt, table):
    """Each published CSV is byte-identical to a rebuild from the raw files."""
    path = RESOURCES[table]["path"]
    differences = table_differences(table, (paths.ROOT / path).read_bytes(), rebuilt[path])
    assert not differences, "\n".join(differences)


def test_committed_texts_equal_the_regenerated_ones(rebuilt):
    """data/texts/ holds exactly the regenerated cleaned texts, byte for byte."""
    committed = {f"data/texts/{p.name}": p.read_bytes() for p in paths.TEXTS.glob("*.txt")}
    expected = {k: v for k, v in rebuilt.items() if k.startswith("data/texts/")}
    differences = text_differences(committed, expected)
    assert not differences, "\n".join(differences)


def test_a_table_mismatch_names_table_key_and_column():
    """The comparison helper says which row (by primary key) and column differ."""
    committed = b"report_id,check,is_consistent,detail\n1-1,a,true,x\n1-1,b,true,y\n"
    rebuilt = b"report_id,check,is_consistent,detail\n1-1,a,false,x\n1-1,c,true,y\n"
    assert table_differences("checks", committed, rebuilt) == [
        "checks: key (report_id=1-1, check=b) only in the committed file",
        "checks: key (report_id=1-1, check=c) only in the rebuilt file",
        "checks, key (report_id=1-1, check=a), column is_consistent: committed 'true', rebuilt 'false'",
    ]
    reordered = b"report_id,check,is_consistent,detail\n1-1,b,true,y\n1-1,a,true,x\n"
    assert table_differences("checks", committed, reordered) == [
        "checks: same cells, different bytes (row order, quoting or line ends); first differing line 2"]


def test_a_datapackage_mismatch_names_the_resource_and_field():
    """Resources and fields are matched by name, so the path names them."""
    committed = {"resources": [{"name": "reports", "schema": {"fields": [
        {"name": "source_sha256", "constraints": {"unique": True}}]}}]}
    rebuilt = {"resources": [{"name": "reports", "schema": {"fields": [
        {"name": "source_sha256", "constraints": {}}]}}]}
    assert json_differences(committed, rebuilt) == [
        ("datapackage.json.resources[name=reports].schema.fields[name=source_sha256].constraints"
         ".unique: only in the committed file")]


def test_every_resource_declares_encoding_size_and_hash():
    """Each resource has encoding utf-8, bytes and a sha256 hash, so a changed file is caught."""
    package = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    for resource in package["resources"]:
        assert resource["encoding"] == "utf-8", resource["name"]
        assert resource["bytes"] > 0 and resource["hash"].startswith("sha256:"), resource["name"]
        assert resource["licenses"], resource["name"]


def test_changed_text_fails_frictionless_validation(tmp_path):
    """Altering one byte of a published text makes the package invalid (hash check)."""
    package = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    text = next(r for r in package["resources"] if r["path"].startswith("data/texts/"))
    (tmp_path / "data" / "texts").mkdir(parents=True)
    original = (paths.ROOT / text["path"]).read_bytes()
    (tmp_path / text["path"]).write_bytes(original.replace("法".encode(), "灋".encode(), 1))
    package["resources"] = [text]
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    assert not Package(str(tmp_path / "datapackage.json")).validate().valid


def test_package_metadata_is_deterministic():
    """created comes from the release date in the codebook, not the wall clock."""
    package = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    from fazhi.codebook import RELEASED, VERSION

    assert package["created"] == f"{RELEASED}T00:00:00Z"
    assert package["version"] == VERSION


def _partial_and_qualified_rows():
    indicators = pd.DataFrame([
        {"report_id": "a", "indicator_id": "legal_aid_cases_count", "ref_year": "2022",
         "value": "734", "qualifier": "exact", "period": "year"},
        {"report_id": "a", "indicator_id": "audit_projects_count", "ref_year": "2022",
         "value": "40", "qualifier": "more_than", "period": "year"},
        {"report_id": "a", "indicator_id": "foi_requests_count", "ref_year": "2022",
         "value": "12", "qualifier": "exact", "period": "截至11月底"},
    ])
    return pd.DataFrame({"report_id": ["a"], "report_year": ["2022"]}), indicators


def test_wide_table_leaves_out_partial_period_values():
    """A value for part of the year (截至11月底) is not a full-year cell of indicators_wide."""
    wide = publish.wide_frame(*_partial_and_qualified_rows())
    assert pd.isna(wide.loc[0, "foi_requests_count"]) and wide.loc[0, "legal_aid_cases_count"] == "734"


def test_wide_table_shows_which_values_are_not_exact():
    """A qualified value (40余个) stays, with its qualifier named in qualified_values."""
    wide = publish.wide_frame(*_partial_and_qualified_rows())
    assert wide.loc[0, "qualified_values"] == "audit_projects_count=more_than"


def test_published_bytes_do_not_depend_on_the_batch(interim_frames, rebuilt):
    """Publishing one report at a time gives every file of the whole-corpus run, byte for byte."""
    one_by_one = publish.run(*interim_frames, batch=1)
    assert list(one_by_one) == [k for k in rebuilt if not k.startswith("data/texts/")]
    for path, data in one_by_one.items():
        assert data == rebuilt[path], path


def test_published_bytes_do_not_depend_on_the_workers(interim_frames, rebuilt, monkeypatch):
    """Batches checked on two workers (a pool forked before the inputs are read, as `main` does)
    give every file of the one-process run, and problems keep their rows in the whole table."""
    from fazhi import parallel

    monkeypatch.setattr(parallel, "MIN_PARALLEL", 1)  # the seeds are few: take the pool path
    outputs = publish.MemoryOutputs()
    publish.publish_to(publish.FrameSource(*interim_frames), outputs.open, batch=1,
                       n_workers=2, pool=parallel.start_pool(2))
    on_two = outputs.finish()
    assert list(on_two) == [k for k in rebuilt if not k.startswith("data/texts/")]
    for path, data in on_two.items():
        assert data == rebuilt[path], path
    frames, texts = interim_frames
    quantities = frames["quantities"].copy()
    last = quantities.index[quantities["report_id"] == sorted(quantities["report_id"])[-1]][-1]
    quantities.loc[last, "qualifier"] = "roughly"
    with pytest.raises(publish.PackageError, match=f"row {len(quantities) - 1} "):
        publish.publish_to(publish.FrameSource(dict(frames, quantities=quantities), texts),
                           publish.MemoryOutputs().open, batch=1, n_workers=2,
                           pool=parallel.start_pool(2))


def test_below_the_threshold_no_columnar_copy_is_published(interim_frames):
    """A corpus smaller than publish.columnar_min_reports publishes CSVs only."""
    out = publish.run(*interim_frames, columnar_min_reports=6)
    assert not [path for path in out if path.endswith(".parquet")]
    assert "-parquet" not in out["datapackage.json"].decode("utf-8")


def test_past_the_threshold_the_package_describes_its_parquet_copies(interim_frames, tmp_path):
    """From columnar_min_reports reports on, sections, quantities and indicators also go out as
    Parquet, each described (path, hash) in datapackage.json, which frictionless finds valid."""
    frames, texts = interim_frames
    out = publish.run(frames, texts, batch=2, columnar_min_reports=5)
    package = json.loads(out["datapackage.json"])
    copies = {r["name"]: r for r in package["resources"] if r.get("format") == "parquet"}
    assert sorted(copies) == ["indicators-parquet", "quantities-parquet", "sections-parquet"]
    for path, data in out.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(data)
    for rid, data in texts.items():
        (tmp_path / "data" / "texts").mkdir(parents=True, exist_ok=True)
        (tmp_path / "data" / "texts" / f"{rid}.txt").write_bytes(data)
    for resource in copies.values():
        assert resource["hash"] == publish._file_facts(out[resource["path"]])["hash"]
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "type", "note"])


def test_rows_of_an_unknown_report_are_reported_not_dropped(interim_frames):
    """A scratch row whose report_id is in no report is named, though no batch would take it."""
    frames, texts = interim_frames
    stray = frames["quantities"].head(1).assign(report_id="999999-2022")
    frames = dict(frames, quantities=pd.concat([frames["quantities"], stray], ignore_index=True))
    with pytest.raises(publish.PackageError, match="quantities: 1 rows of report_id '999999-2022'"):
        publish.run(frames, texts, batch=2)


def test_problems_of_every_batch_are_reported_together(interim_frames):
    """Bad values in the first and the last batch are both named in one error (lazy across
    batches), each with its row in the whole table."""
    frames, texts = interim_frames
    quantities = frames["quantities"].copy()
    ids = sorted(quantities["report_id"].unique())
    first = quantities.index[quantities["report_id"] == ids[0]][0]
    last = quantities.index[quantities["report_id"] == ids[-1]][-1]
    quantities.loc[[first, last], "qualifier"] = "roughly"
    with pytest.raises(publish.PackageError) as info:
        publish.run(dict(frames, quantities=quantities), texts, batch=1)
    lines = [line for line in str(info.value).splitlines() if "'roughly'" in line]
    assert len(lines) == 2
    assert f"row {len(quantities) - 1} " in lines[1]


def test_problems_past_the_limit_are_counted(interim_frames, monkeypatch):
    """Past MAX_PROBLEMS lines the error shows the first ones and counts every other one."""
    frames, texts = interim_frames
    monkeypatch.setattr(publish, "MAX_PROBLEMS", 2)
    quantities = frames["quantities"].copy()
    quantities.loc[:9, "qualifier"] = "roughly"  # ten bad cells, in the first batches
    with pytest.raises(publish.PackageError) as info:
        publish.run(dict(frames, quantities=quantities), texts, batch=1)
    lines = str(info.value).splitlines()
    assert len(lines) == 3 and lines[-1] == "... and 8 more"
