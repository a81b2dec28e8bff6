"""Package-level metadata of the published data package (datapackage.json).

The version lives here and only here (pyproject.toml's version is the code's, not the data's).
`RELEASED` is the release date of this version; it is the package's `created` timestamp, so a
rebuild never writes the wall-clock time. Bump both together (README: release checklist).
"""

from __future__ import annotations

VERSION = "0.1.0"
RELEASED = "2026-11-22"

PACKAGE: dict = {
    "name": "fazhi-reports",
    "id": "fazhi-reports",
    "title": "中国法治政府建设年度报告数据集",
    "description": (
        "Chinese governments' annual rule-of-law reports (法治政府建设年度报告) as tidy, validated "
        "tables: report metadata and statutory compliance (publication deadline, the five required "
        "elements), sections, every quantity in the text, and 35 codebook indicators, each value "
        "linked by character offsets to the clause it came from in the cleaned texts."
    ),
    "keywords": [
        "rule of law",
        "法治政府",
        "China",
        "local government",
        "government transparency",
        "annual reports",
    ],
    "contributors": [{"title": "fazhi-reports team", "roles": ["author"]}],
}

LICENSES = {
    "tables": {
        "name": "CC-BY-4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
        "title": "Creative Commons Attribution 4.0",
    },
    "texts": {
        "name": "other-pd",
        "title": "Official documents of state organs (PRC Copyright Law Art. 5); see README",
        "path": "README.md",
    },
}
