"""fazhi (法治): China's annual rule-of-law government reports as a reproducible data package."""

__version__ = "0.1.0"
