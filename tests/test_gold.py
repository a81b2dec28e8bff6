"""Every annotation file (gold, challenge, held-out) has a schema and meets it."""

from __future__ import annotations

import pytest

from fazhi import paths
from fazhi.codebook.gold import GOLD
from fazhi.gold import gold_files, read_gold

TESTS = paths.ROOT / "tests"
FILES = [(name, path) for name in GOLD for path in gold_files(name, TESTS)]


def test_every_kind_of_annotation_file_is_found():
    """Each schema matches at least one file (a renamed folder would leave it unchecked)."""
    assert {name for name, _ in FILES} == set(GOLD)


@pytest.mark.parametrize(("name", "path"), FILES, ids=[p.relative_to(TESTS).as_posix() for _, p in FILES])
def test_annotation_file_meets_its_schema(name, path):
    """The file's columns, kinds and required cells are as its schema says."""
    assert len(read_gold(name, path)) > 0


def test_broken_annotation_names_file_column_and_value(tmp_path):
    """A gold value that is not a number fails, naming the file, the column and the value."""
    source = TESTS / "gold" / "indicators.csv"
    broken = tmp_path / "indicators.csv"
    broken.write_text(source.read_text(encoding="utf-8").replace(",86,%,", ",八十六,%,", 1),
                      encoding="utf-8")
    with pytest.raises(ValueError, match=r"indicators.csv: annotation file breaks its schema(.|\n)*value(.|\n)*八十六"):
        read_gold("indicators", broken)
