"""The ingest stage's parts: raw bytes → text → report metadata.

`decode` (bytes → text), `clean` (page furniture out, NFKC), `detect` (title, year, dates),
`issuer` (who issued the report, and so its region), `ids` (report ids), `report` (one file
through all of them), `reject` (the one way a file fails). The stage itself is `stage`
(`python -m fazhi.ingest`).
"""
