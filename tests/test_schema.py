"""Codebook → pandera and Frictionless schemas: both accept and reject the same frames."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
import pytest
from frictionless import Resource, Schema

from fazhi import paths, schema
from fazhi.codebook import FIELDS, INTERIM, RESOURCES
from fazhi.csvio import read_csv
from fazhi.publish import to_csv_bytes

VALID_QUANTITY = {"report_id": "330281-2022", "quantity_id": 1, "value": "99.54", "unit": "%",
                  "qualifier": "exact", "lower": None, "upper": None, "ref_year": None,
                  "surface": "99.54%", "start": 10, "end": 16, "section_id": "1.2"}
VALID_INDICATOR = {"report_id": "330281-2022", "indicator_id": "legal_aid_cases_count",
                   "ref_year": 2022, "value": "734", "unit": "件", "qualifier": "exact",
                   "lower": None, "upper": None, "period": "year", "evidence": "受理法律援助案件734件",
                   "start": 5, "end": 18, "quantity_id": 3, "rule": "legal_aid_cases_count#1", "scope": "region/year/any",
                   "section_id": "1.2"}
VALID_REJECT = {"source_file": "a.txt", "source_sha256": "0" * 64, "reason": "empty file"}


def _reports_row(**changes) -> dict:
    row = {
        "report_id": "330281-2022", "source_file": "a.txt", "source_sha256": "a" * 64,
        "source_url": None, "retrieved": None, "title": "余姚市2022年度法治政府建设报告", "issuer": "余姚市人民政府",
        "issuer_type": "government", "region_name": "余姚市", "region_code": "330281",
        "province": "浙江省", "prefecture": "宁波市", "admin_level": "county", "report_year": 2022,
        "publish_date": "2023-03-30", "deadline": "2023-04-01", "is_published_on_time": True,
        "has_measures_and_results": True, "has_shortcomings": False, "has_leader_duties": True,
        "has_next_year_plan": True, "has_other_matters": False, "n_chars": 100, "n_quantities": 3, "n_indicators": 1,
    }
    row.update(changes)
    return row


def _frictionless_valid(name: str, frame: pd.DataFrame) -> bool:
    descriptor = schema.frictionless_schema(name)
    descriptor.pop("foreignKeys", None)  # a lone table has no package to refer to
    resource = Resource(data=to_csv_bytes(frame), format="csv",
                        schema=Schema.from_descriptor(descriptor))
    return resource.validate().valid


def _pandera_valid(name: str, frame: pd.DataFrame) -> bool:
    """Whether some rows meet their table's schema (the whole-table checks need the whole table)."""
    try:
        schema.validate(name, frame, whole_table=False)
    except pa.errors.SchemaErrors:
        return False
    return True


def test_pandera_rejects_a_duplicate_primary_key():
    """Two rejects rows for the same source_file fail validation, naming the key."""
    frame = schema.conform("rejects", pd.DataFrame([VALID_REJECT, VALID_REJECT]))
    with pytest.raises(pa.errors.SchemaErrors, match="source_file"):
        schema.validate("rejects", frame)


def test_pandera_rejects_a_bad_type():
    """A report_year that is text, not an integer, fails validation."""
    frame = pd.DataFrame([_reports_row()])
    frame["report_year"] = "二〇二二"
    with pytest.raises(pa.errors.SchemaErrors, match="report_year"):
        schema.validate("reports", frame)


def test_pandera_reports_all_failures_at_once():
    """Lazy validation lists every failing column, not just the first."""
    frame = schema.conform("reports", pd.DataFrame([_reports_row(admin_level="city",
                                                                 region_code="33028")]))
    with pytest.raises(pa.errors.SchemaErrors) as info:
        schema.validate("reports", frame)
    failed = set(info.value.failure_cases["column"])
    assert {"admin_level", "region_code"} <= failed


@pytest.mark.parametrize(
    ("resource", "rows", "valid"),
    [
        ("reports", [_reports_row()], True),
        ("reports", [_reports_row(), _reports_row(source_file="b.txt", source_sha256="b" * 64)], False),
        ("reports", [_reports_row(issuer_type="ministry")], False),
        ("reports", [_reports_row(region_code="3302811")], False),
        ("reports", [_reports_row(issuer=None)], False),
        ("reports", [_reports_row(publish_date="2023/03/30")], False),
        ("rejects", [VALID_REJECT], True),
        ("quantities", [VALID_QUANTITY], True),
        ("quantities", [VALID_QUANTITY, VALID_QUANTITY], False),
        ("quantities", [dict(VALID_QUANTITY, qualifier="about")], False),
        ("quantities", [dict(VALID_QUANTITY, start=-1)], False),
        ("quantities", [dict(VALID_QUANTITY, surface=None)], False),
        ("indicators", [VALID_INDICATOR], True),
        ("indicators", [dict(VALID_INDICATOR, indicator_id="made_up_count")], False),
        ("indicators", [dict(VALID_INDICATOR, ref_year=None)], False),
        ("indicators", [dict(VALID_INDICATOR, evidence=None)], False),
        ("indicators", [VALID_INDICATOR, dict(VALID_INDICATOR, value="735")], False),
        ("rejects", [dict(VALID_REJECT, source_sha256="xyz")], False),
        ("rejects", [dict(VALID_REJECT, reason=None)], False),
    ],
)
def test_pandera_and_frictionless_agree(resource, rows, valid):
    """The generated pandera and Frictionless schemas accept and reject the same frames."""
    frame = schema.conform(resource, pd.DataFrame(rows))
    assert _pandera_valid(resource, frame) is valid
    assert _frictionless_valid(resource, frame) is valid


def test_every_codebook_field_is_used_by_a_table():
    """No field is defined but unpublished (PUDL metadata test)."""
    used = {f for spec in RESOURCES.values() for f in spec["fields"]}
    assert set(FIELDS) - used == set()


def test_every_table_field_is_defined_in_the_codebook():
    """Every column of every table has a codebook definition with both languages."""
    for spec in RESOURCES.values():
        for name in spec["fields"]:
            field = FIELDS[name]
            assert field["title"] and field["description"], name


def test_column_names_follow_the_naming_convention():
    """snake_case; booleans start with is_/has_ (DESIGN.md §3)."""
    for name, field in FIELDS.items():
        assert name == name.lower() and " " not in name, name
        if field["type"] == "boolean":
            assert name.startswith(("is_", "has_")), name


def test_conform_names_table_column_row_and_value_it_cannot_convert():
    """A value that is not a number is an error naming where it is, never an empty cell."""
    frame = pd.DataFrame([VALID_QUANTITY, dict(VALID_QUANTITY, quantity_id="2", value="很多")])
    with pytest.raises(schema.ConformError, match=r"quantities, column value, row 1: '很多'"):
        schema.conform("quantities", frame)


def test_conform_rejects_an_integer_written_as_words():
    """An integer column holding text fails loudly instead of becoming missing."""
    frame = pd.DataFrame([dict(VALID_QUANTITY, start="十二")])
    with pytest.raises(schema.ConformError, match=r"column start, row 0: '十二' is not a valid integer"):
        schema.conform("quantities", frame)


def test_conform_rejects_a_column_the_codebook_does_not_define():
    """An unknown column is an error, not silently dropped before pandera sees it."""
    frame = pd.DataFrame([dict(VALID_QUANTITY, confidence="0.9")])
    with pytest.raises(schema.ConformError, match=r"does not define \['confidence'\]"):
        schema.conform("quantities", frame)


def test_frictionless_rejects_a_number_column_holding_words():
    """The published schema refuses the value conform refuses."""
    assert not _frictionless_valid("quantities", pd.DataFrame([dict(VALID_QUANTITY, value="很多")]))


# --- the Frictionless schema carries every constraint of the pandera schema --------------------


def _published(name: str) -> pd.DataFrame:
    """Two valid rows of a table: the first rows of the committed CSV (rejects.csv is empty); an
    optional column the codebook has just gained and the CSV not yet is empty."""
    frame = read_csv(paths.ROOT / RESOURCES[name]["path"]).reindex(columns=RESOURCES[name]["fields"])
    if len(frame) < 2:
        frame = pd.DataFrame([VALID_REJECT, dict(VALID_REJECT, source_file="b.txt")])
    return schema.conform(name, frame.head(2))


def _below(limit, ftype):
    return limit - 1 if ftype == "integer" else f"{limit - 1}.99"


def _above(limit, ftype):
    return limit + 1 if ftype == "integer" else f"{limit}.01"


def _violations() -> list[tuple[str, str, str, object]]:
    """(table, column, constraint, a value breaking it) for every constraint of every column."""
    cases = []
    for name, spec in RESOURCES.items():
        for column in spec["fields"]:
            field = FIELDS[column]
            ftype, constraints = field["type"], field.get("constraints", {})
            if schema._required(spec, column):
                cases.append((name, column, "required", None))
            if "enum" in constraints:
                cases.append((name, column, "enum", "not_a_listed_value"))
            if "pattern" in constraints and ftype == "string":
                cases.append((name, column, "pattern", "!"))
            if "minimum" in constraints:
                cases.append((name, column, "minimum", _below(constraints["minimum"], ftype)))
            if "maximum" in constraints:
                cases.append((name, column, "maximum", _above(constraints["maximum"], ftype)))
            if ftype == "date":
                cases.append((name, column, "calendar date", "2023-02-30"))
    return cases


@pytest.mark.parametrize("name", sorted(RESOURCES))
def test_published_rows_are_valid_for_both_schemas(name):
    """The rows the constraint tests start from are accepted by both schemas."""
    frame = _published(name)
    assert _pandera_valid(name, frame) and _frictionless_valid(name, frame)


@pytest.mark.parametrize(("name", "column", "constraint", "value"), _violations(),
                         ids=lambda v: str(v))
def test_both_schemas_refuse_a_value_breaking_a_constraint(name, column, constraint, value):
    """Every required, enum, pattern, minimum, maximum and date rule of the codebook is checked by
    pandera and by `frictionless validate` alike."""
    frame = _published(name).head(1).astype(object)
    frame.loc[0, column] = value
    frame = schema.conform(name, frame)
    assert not _pandera_valid(name, frame), f"pandera accepts {name}.{column} = {value!r}"
    assert not _frictionless_valid(name, frame), f"frictionless accepts {name}.{column} = {value!r}"


@pytest.mark.parametrize(("name", "column"),
                         [(name, c) for name in sorted(RESOURCES) for c in schema.unique_columns(name)])
def test_a_duplicated_unique_value_fails_pandera_and_frictionless(name, column):
    """Two reports with the same source_sha256 (or source_file) but different ids fail both."""
    frame = _published(name).astype(object)
    frame.loc[1, column] = frame.loc[0, column]
    frame = schema.conform(name, frame)
    with pytest.raises(pa.errors.SchemaErrors, match=column):
        schema.validate(name, frame, whole_table=False)
    assert not _frictionless_valid(name, frame)
    descriptor = schema.frictionless_schema(name)
    resource = Resource(data=to_csv_bytes(frame), format="csv", schema=Schema.from_descriptor(
        {k: v for k, v in descriptor.items() if k != "foreignKeys"}))
    errors = resource.validate().flatten(["rowNumber", "fieldName", "type"])
    assert [3, column, "unique-error"] in errors


@pytest.mark.parametrize("name", sorted(RESOURCES))
def test_a_duplicated_primary_key_fails_pandera_and_frictionless(name):
    """The same row twice breaks the primary key in both schemas."""
    frame = _published(name)
    frame = schema.conform(name, pd.concat([frame.head(1), frame.head(1)], ignore_index=True))
    assert not _pandera_valid(name, frame) and not _frictionless_valid(name, frame)


def test_frictionless_schema_states_every_unique_key_of_the_codebook():
    """RESOURCES[...]["unique"] → constraints.unique on the column (reports: file and hash)."""
    for name, spec in RESOURCES.items():
        fields = {f["name"]: f for f in schema.frictionless_schema(name)["fields"]}
        unique = {n for n, f in fields.items() if f.get("constraints", {}).get("unique")}
        assert unique == {key[0] for key in spec["unique"]}, name
    assert schema.unique_columns("reports") == ["source_file", "source_sha256"]


def test_a_unique_key_of_several_columns_is_refused(monkeypatch):
    """Frictionless cannot state it, so neither schema is generated rather than pandera alone
    checking it."""
    monkeypatch.setitem(RESOURCES, "checks", dict(RESOURCES["checks"], unique=[["check", "detail"]]))
    with pytest.raises(ValueError, match=r"checks: unique keys \[\['check', 'detail'\]\]"):
        schema.frictionless_schema("checks")
    with pytest.raises(ValueError, match="span several columns"):
        schema.pandera_schema("checks")


@pytest.mark.parametrize(("value", "valid"), [("100", True), ("100.00", True), ("0", True),
                                              ("100.0000000000000001", False),
                                              ("-0.0000000000000001", False)])
def test_number_bounds_are_exact_in_both_schemas(value, valid):
    """A share just above 100 is refused by both, not rounded to 100 through a float."""
    frame = _published("outline_shares").head(1).astype(object)
    frame.loc[0, "text_share_pct"] = value
    frame = schema.conform("outline_shares", frame)
    assert _pandera_valid("outline_shares", frame) is valid
    assert _frictionless_valid("outline_shares", frame) is valid


@pytest.mark.parametrize("date", ["2023-02-30", "2023-13-01", "２０２３-03-30"])
def test_impossible_or_non_ascii_dates_fail_pandera(date):
    """publish_date must be a real ISO date written in ASCII digits."""
    assert not _pandera_valid("reports", schema.conform("reports", pd.DataFrame([_reports_row(
        publish_date=date)])))


@pytest.mark.parametrize("text", ["1", "TRUE", "yes"])
def test_booleans_are_written_true_or_false_for_both(text):
    """The published CSVs say true/false; frictionless refuses other spellings, conform too."""
    data = to_csv_bytes(schema.conform("checks", _published("checks"))).decode()
    lines = data.splitlines()
    lines[1] = lines[1].replace(",false,", f",{text},").replace(",true,", f",{text},")
    descriptor = {k: v for k, v in schema.frictionless_schema("checks").items() if k != "foreignKeys"}
    resource = Resource(data="\n".join(lines).encode(), format="csv",
                        schema=Schema.from_descriptor(descriptor))
    assert not resource.validate().valid
    frame = read_csv(paths.ROOT / "data" / "checks.csv").head(1)
    frame.loc[0, "is_consistent"] = text
    with pytest.raises(schema.ConformError, match=r"column is_consistent, row 0"):
        schema.conform("checks", frame)


def test_pandera_failures_name_table_row_key_and_column():
    """A failure is reported as one line naming the table, the row's primary key and the column."""
    frame = schema.conform("quantities", pd.DataFrame([VALID_QUANTITY, dict(VALID_QUANTITY,
                                                       quantity_id=2, qualifier="about")]))
    assert schema.problems("quantities", frame) == [
        ("quantities, row 1 (report_id=330281-2022, quantity_id=2), column qualifier: 'about': "
         "fails isin(['exact', 'approx', 'more_than', 'at_least', 'less_than', 'at_most', 'range'])")]
    assert schema.problems("quantities", frame.head(1)) == []


# --- written to kill surviving mutants (make mutation, TESTING.md) ------------------------------


@pytest.mark.parametrize("name", sorted(RESOURCES))
def test_frictionless_fields_carry_the_codebook_definition(name):
    """Each field descriptor: name, type, Chinese title, English description; dates with the
    default format, booleans spelled true/false, nothing else added."""
    for field in schema.frictionless_schema(name)["fields"]:
        spec = FIELDS[field["name"]]
        assert (field["type"], field["title"], field["description"]) == (
            spec["type"], spec["title"], spec["description"])
        extra = {k: v for k, v in field.items() if k not in ("name", "type", "title", "description",
                                                              "constraints")}
        assert extra == {"date": {"format": "default"},
                         "boolean": {"trueValues": ["true"], "falseValues": ["false"]}}.get(
            spec["type"], {}), field["name"]


@pytest.mark.parametrize("name", sorted(RESOURCES))
def test_frictionless_schema_states_keys_and_missing_values(name):
    """Empty cells are missing; the primary key and foreign keys are the codebook's."""
    descriptor = schema.frictionless_schema(name)
    spec = RESOURCES[name]
    assert descriptor["missingValues"] == [""]
    assert descriptor["primaryKey"] == spec["primary_key"]
    assert descriptor.get("foreignKeys", []) == spec["foreign_keys"]
    assert [f["name"] for f in descriptor["fields"]] == spec["fields"]


@pytest.mark.parametrize("name", sorted(RESOURCES))
def test_pandera_schema_carries_the_codebook_definition(name):
    """Columns in order with their published dtype, title and description; strict, ordered,
    named after the table, keyed by the primary key."""
    built = schema.pandera_schema(name)
    assert (built.name, built.strict, built.ordered, built.unique) == (
        name, True, True, RESOURCES[name]["primary_key"])
    assert list(built.columns) == RESOURCES[name]["fields"]
    for column, spec in built.columns.items():
        assert str(spec.dtype) == str(pa.Column(schema.PANDAS_DTYPES[FIELDS[column]["type"]]).dtype)
        assert (spec.title, spec.description) == (FIELDS[column]["title"], FIELDS[column]["description"])


def test_pandera_refuses_an_extra_or_misplaced_column():
    """Strict and ordered: a column the codebook does not define, or columns out of order, fail
    even when every value is fine."""
    frame = _published("checks")
    with pytest.raises(pa.errors.SchemaErrors, match="confidence"):
        schema.validate("checks", frame.assign(confidence="0.9"))
    with pytest.raises(pa.errors.SchemaErrors, match="column_ordered"):
        schema.validate("checks", frame[["check", "report_id", "is_consistent", "detail"]])


def test_pandera_refuses_a_column_of_the_wrong_type_naming_it():
    """Offsets held as floats fail the Int64 type, and the failure is one line for the column."""
    frame = schema.conform("quantities", pd.DataFrame([VALID_QUANTITY]))
    frame["start"] = frame["start"].astype("float64")
    assert schema.problems("quantities", frame) == [
        "quantities, column start: 'float64': fails dtype('Int64')"]


def test_failures_name_the_check_that_failed():
    """Dates, bounds and duplicates are named in words or by the check's name."""
    reports = schema.conform("reports", pd.DataFrame([_reports_row(publish_date="2023-02-30")]))
    assert schema.problems("reports", reports) == [
        "reports, row 0 (report_id=330281-2022), column publish_date: '2023-02-30': fails is_calendar_date"]
    shares = _published("outline_shares").head(2).astype(object)
    shares.loc[0, "text_share_pct"], shares.loc[1, "text_share_pct"] = "-1", "101"
    shares = schema.conform("outline_shares", shares)
    lines = schema.problems("outline_shares", shares)
    assert [line.rsplit(": ", 1)[1] for line in lines] == [
        "fails greater_than_or_equal_to(0)", "fails less_than_or_equal_to(100)"]
    twice = _published("reports").astype(object)
    twice.loc[1, "source_file"] = twice.loc[0, "source_file"]
    lines = schema.problems("reports", schema.conform("reports", twice))
    assert lines[0] == (f"reports, row 0 (report_id={twice.loc[0, 'report_id']}), column source_file: "
                        f"{twice.loc[0, 'source_file']!r}: duplicate value in a unique column")


@pytest.mark.parametrize("text", ["NaN", "Infinity", "-Infinity"])
def test_a_number_that_is_not_finite_fails_every_bound(text):
    """Decimal text that is not a finite number fails both bounds (validated without conform,
    which would refuse it first), rather than passing one or raising."""
    frame = _published("outline_shares").head(1)
    frame.loc[0, "text_share_pct"] = text
    assert [line.rsplit(": ", 1)[1] for line in schema.problems("outline_shares", frame)
            if "than_or_equal" in line] == ["fails greater_than_or_equal_to(0)",
                                            "fails less_than_or_equal_to(100)"]


def test_row_key_names_rows_of_any_table():
    """Published tables (codebook too) and scratch tables (elements) are keyed as declared."""
    assert schema.row_key("codebook", _published("codebook"), 0) == (
        f"indicator_id={_published('codebook').loc[0, 'indicator_id']}")
    elements = pd.DataFrame({"report_id": ["330281-2022"]})
    assert schema.row_key("elements", elements, 0) == "report_id=330281-2022"


def test_unique_keys_are_optional_in_the_codebook(monkeypatch):
    """A table that declares no unique keys has none (and its schemas build)."""
    spec = {k: v for k, v in RESOURCES["checks"].items() if k != "unique"}
    monkeypatch.setitem(RESOURCES, "checks", spec)
    assert schema.unique_columns("checks") == []
    assert schema.pandera_schema("checks").columns["detail"].unique is False


def test_a_wide_unique_key_is_refused_with_advice(monkeypatch):
    """The refusal says why and what to do."""
    monkeypatch.setitem(RESOURCES, "checks", dict(RESOURCES["checks"], unique=[["check", "detail"]]))
    with pytest.raises(ValueError, match="which the Frictionless schema cannot state; make them the "
                                         "primary key or drop them"):
        schema.unique_columns("checks")


def test_conform_names_missing_and_unknown_columns_together():
    """Both problems are reported at once, one line each."""
    frame = pd.DataFrame([VALID_QUANTITY]).drop(columns=["unit"]).assign(confidence="0.9")
    with pytest.raises(schema.ConformError) as info:
        schema.conform("quantities", frame, source="data/interim/quantities.csv")
    assert str(info.value) == ("data/interim/quantities.csv: missing columns ['unit']\n"
                               "data/interim/quantities.csv: columns the codebook does not define "
                               "['confidence']")


def test_conform_lists_every_bad_cell_one_per_line():
    """Two cells that cannot be converted: two lines naming column, row and value."""
    frame = pd.DataFrame([dict(VALID_QUANTITY, start="x"), dict(VALID_QUANTITY, quantity_id=2, value="y")])
    with pytest.raises(schema.ConformError) as info:
        schema.conform("quantities", frame)
    assert str(info.value) == ("quantities, column value, row 1: 'y' is not a valid number\n"
                               "quantities, column start, row 0: 'x' is not a valid integer")


def test_conform_takes_python_values_as_well_as_text():
    """Frames built in code hold floats, NaN and bools: integers stay exact, missing stays
    missing, numbers become decimal text."""
    frame = pd.DataFrame([VALID_QUANTITY, dict(VALID_QUANTITY, quantity_id=2)])
    frame["ref_year"] = pd.Series([2021.0, float("nan")], dtype=object)
    frame["value"] = pd.Series([99.5, "12"], dtype=object)
    out = schema.conform("quantities", frame)
    assert out["ref_year"].tolist() == [2021, pd.NA] and str(out["ref_year"].dtype) == "Int64"
    assert out["value"].tolist() == ["99.5", "12"]
    checks = pd.DataFrame([{"report_id": "330281-2022", "check": "c", "is_consistent": True,
                            "detail": "d"}], dtype=object)
    assert schema.conform("checks", checks)["is_consistent"].tolist() == [True]


def test_empty_frame_has_the_published_columns_and_dtypes():
    """An empty table in its published shape passes its own schema."""
    for name in RESOURCES:
        frame = schema.empty_frame(name)
        assert list(frame.columns) == RESOURCES[name]["fields"] and frame.empty
        assert {c: str(frame[c].dtype) for c in frame} == {
            c: str(pd.Series(dtype=schema.PANDAS_DTYPES[FIELDS[c]["type"]]).dtype) for c in frame}
        schema.validate(name, frame, whole_table=False)


# --- scratch tables are checked where they are written -----------------------------------------


def _interim(name: str) -> pd.DataFrame:
    """Valid rows of a scratch table, from the published tables (the same columns)."""
    source = "reports" if name in ("reports", "elements") else name
    return _published(source)[INTERIM[name]["fields"]]


@pytest.mark.parametrize("name", sorted(INTERIM))
def test_valid_scratch_tables_pass(name):
    """Every scratch table in its published form passes validate_interim."""
    out = schema.validate_interim(name, _interim(name))
    assert list(out.columns) == INTERIM[name]["fields"]


def test_scratch_table_failures_name_file_column_and_value():
    """A bad value in data/interim/reports.csv is reported with the table's interim name."""
    frame = _interim("reports").astype(object)
    frame.loc[0, "admin_level"] = "city"
    frame.loc[1, "issuer"] = None
    with pytest.raises(pa.errors.SchemaErrors) as info:
        schema.validate_interim("reports", frame)
    failures = info.value.failure_cases
    assert set(failures["column"]) == {"admin_level", "issuer"}
    assert "interim reports" in str(info.value)


def test_scratch_tables_are_strict_and_keyed():
    """A derived column written too early, or a repeated key, fails in the stage that wrote it."""
    with pytest.raises(schema.ConformError, match=r"data/interim/reports.csv: columns the codebook "
                                                  r"does not define \['deadline'\]"):
        schema.validate_interim("reports", _interim("reports").assign(deadline="2023-04-01"))
    twice = pd.concat([_interim("elements").head(1)] * 2, ignore_index=True)
    with pytest.raises(pa.errors.SchemaErrors, match="report_id"):
        schema.validate_interim("elements", twice)
    flags = _interim("elements").astype(object)
    flags.loc[0, "has_shortcomings"] = None  # required in the scratch table as published
    with pytest.raises(pa.errors.SchemaErrors, match="has_shortcomings"):
        schema.validate_interim("elements", flags)
    schema.validate_interim("quantities", _interim("quantities").assign(unit=None))  # optional


@pytest.mark.parametrize("name", sorted(INTERIM))
def test_scratch_schemas_are_the_published_columns(name):
    """A scratch table's schema checks each column as the published schema does."""
    built = schema.interim_schema(name)
    spec = INTERIM[name]
    assert (built.name, built.strict, built.ordered, built.unique) == (
        f"interim {name}", True, True, spec["primary_key"])
    for column, col in built.columns.items():
        required = FIELDS[column].get("constraints", {}).get("required", False) or column in spec["primary_key"]
        assert col.nullable is not required, column
        assert [c.name for c in col.checks] == [c.name for c in schema._checks(FIELDS[column])], column
        assert str(col.dtype) == str(pa.Column(schema.PANDAS_DTYPES[FIELDS[column]["type"]]).dtype)


@pytest.mark.parametrize("ftype", ["integer", "number"])
def test_text_columns_are_cast_as_cell_by_cell(ftype):
    """The vectorised reading of a text column (as read from CSV) gives what the rule cell by
    cell gives: the same values and dtype when all cells are valid, the same bad cells if not."""
    good = pd.Series(["1", "-3", None, "007", "123456789012", " 2 "], dtype="str", index=range(3, 9))
    bad = pd.Series(["1", "x", "1.5", "+1", "1e3", "\x1c7", "12\n", None], dtype="str")
    for series in (good, good.iloc[:5], bad):
        fast, fast_problems = schema._as_published(series, ftype, "w")
        slow, slow_problems = schema._as_published(series.astype(object), ftype, "w")
        assert fast_problems == slow_problems
        if not slow_problems:  # with problems the column is given back as it came
            pd.testing.assert_series_equal(fast, slow, check_names=False)
    assert schema._as_published(bad, ftype, "w")[1]
