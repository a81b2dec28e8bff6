"""Tests written to kill surviving mutants of fazhi.quantities (`make mutation`, TESTING.md).

test_quantities.py checks what find_quantities finds; these pin the helpers around it that the
published tables depend on: how a value becomes decimal text in quantities.csv and
indicators.csv, and how values are made exact.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from fazhi.quantities import decimal_text, exact, find_quantities, parse_arabic


@pytest.mark.parametrize(("value", "text"), [
    (Decimal("99.54"), "99.54"),
    (Decimal("3.6E+8"), "360000000"),  # never scientific notation in a CSV
    (Decimal("1E-7"), "0.0000001"),
    (Decimal(0), "0"),
    (Decimal("-2.5"), "-2.5"),
])
def test_decimal_text_is_plain_decimal_notation(value, text):
    """Values are written as plain decimals, exactly, whatever the Decimal's exponent."""
    assert decimal_text(value) == text


def test_decimal_text_keeps_missing_missing():
    """A range has no value: None stays None (an empty cell), never 'None' or '0'."""
    assert decimal_text(None) is None


@pytest.mark.parametrize(("text", "value", "lower", "upper"), [
    ("资金3.6亿元", "360000000", None, None),
    ("占4%到5%", None, "4", "5"),
    ("来电110余万件", "1100000", "1100000", None),
    ("减少损失6614.14万元", "66141400", None, None),
])
def test_quantities_become_the_text_published_in_the_tables(text, value, lower, upper):
    """What extract writes to quantities.csv for a quantity: value, lower and upper as text."""
    (q,) = find_quantities(text)
    assert (decimal_text(q.value), decimal_text(q.lower), decimal_text(q.upper)) == (value, lower, upper)


@pytest.mark.parametrize(("value", "expected"), [
    (Decimal("360000000.0"), "360000000"),
    (Decimal("99.50"), "99.5"),
    (Decimal("3.6E+8"), "360000000"),
    (Decimal(100), "100"),
])
def test_exact_drops_trailing_zeros_and_exponents(value, expected):
    """exact() gives the shortest exact form, so the same amount is always written the same way."""
    assert str(exact(value)) == expected


def test_parse_arabic_reads_full_width_digits_and_thousands_separators():
    """１２３ and 1,234 are read as the numbers they print."""
    assert parse_arabic("１２３") == Decimal(123)
    assert parse_arabic("1,234.5") == Decimal("1234.5")
