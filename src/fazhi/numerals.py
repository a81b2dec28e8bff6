"""Chinese numerals, parsed in one place for every stage.

- `parse_chinese`: an amount as an exact Decimal (一万三千八百六十二, 两百, 三点五, digit by digit
  for 二〇二二) — quantities.
- `parse_ordinal`: a small ordinal as printed in list markers and dates (一, 十, 十二, 二十三),
  strict: anything else raises ValueError — heading numbers, month and day of a signature date.
- `parse_digits`: a run of digits written one by one (二〇二三, 2023, O used for 〇) — years.
"""

from __future__ import annotations

from decimal import Decimal

CN_DIGIT = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
            "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNIT = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10**4, "亿": 10**8}
# Typed copies of signature dates use a Latin O (or a full-width Ｏ) for 〇.
ZERO_LOOKALIKES = {"O": 0, "Ｏ": 0}


def parse_chinese(numeral: str) -> Decimal:
    """A Chinese numeral as an exact Decimal: 一万三千八百六十二, 十六, 两百, 三点五, 二〇二二."""
    integer, _, decimals = numeral.partition("点")
    if integer and all(c in CN_DIGIT for c in integer) and len(integer) > 1:
        value = int("".join(str(CN_DIGIT[c]) for c in integer))  # digit-by-digit: 二〇二二
    else:
        total = section = digit = 0
        for c in integer:
            if c in CN_DIGIT:
                digit = CN_DIGIT[c]
            elif c in CN_UNIT:
                section += (digit or 1) * CN_UNIT[c]
                digit = 0
            elif c in CN_BIG:
                section += digit
                total = (total + section) * CN_BIG[c] if c == "亿" else total + section * CN_BIG[c]
                section = digit = 0
        value = total + section + digit
    if decimals:
        return Decimal(f"{value}.{''.join(str(CN_DIGIT[c]) for c in decimals)}")
    return Decimal(value)


def parse_ordinal(numeral: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23; Arabic digits as they are. ValueError otherwise."""
    if numeral.isdigit():
        return int(numeral)
    digits = {c: CN_DIGIT[c] for c in "一二三四五六七八九"}
    head, ten, tail = numeral.partition("十")
    try:
        if not ten:
            return digits[numeral]
        return (digits[head] if head else 1) * 10 + (digits[tail] if tail else 0)
    except KeyError:
        raise ValueError(f"not an ordinal: {numeral!r}") from None


def parse_digits(numeral: str) -> int:
    """Digits written one by one, Chinese or Arabic: 二〇二三 → 2023, 2O23 → 2023."""
    table = {**CN_DIGIT, **ZERO_LOOKALIKES}
    try:
        return int("".join(c if c.isdigit() else str(table[c]) for c in numeral))
    except KeyError:
        raise ValueError(f"not a digit string: {numeral!r}") from None
