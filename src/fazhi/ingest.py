"""Ingest: raw files → cleaned texts, report metadata, and rejects.

Input:  data/raw/*.txt|*.htm|*.html as published, and the optional manifest data/raw/sources.csv.
Output: data/texts/<report_id>.txt, data/interim/reports.csv, data/interim/rejects.csv.

Each raw file is decoded (fixed order, fails loudly), stripped of web-page boilerplate
(breadcrumbs, 朗读, 索引号 tables, view counters, site banners, empty table pipes), normalised
(NFKC: full-width digits and punctuation become ASCII; one space and line-break convention), and
its metadata detected from the text. A row of sources.csv can override any detected field. A file
that cannot become a report is not dropped: it goes to rejects with a reason a user can act on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import trafilatura
import yaml

from fazhi import paths, regions
from fazhi.chinese import simplified
from fazhi.io import read_csv, write_csv
from fazhi.parallel import map_reports, progress_line

# --- constants --------------------------------------------------------------------------------

REPORT_SUFFIXES = (".txt", ".htm", ".html")
MANIFEST_NAMES = {"sources.csv", ".gitkeep", "README.md"}

# Decoding order (REFERENCE.md): detectors misread short Chinese texts, a fixed order does not.
ENCODINGS = ("utf-8", "gb18030", "big5")
# GB18030 decodes almost any byte string, Big5 included, into rare characters. A real Chinese text
# has most of its characters among the 3,755 common ones (GB2312 level 1, after simplification);
# below this share a decoding is taken as wrong.
PLAUSIBLE_SHARE = 0.8
HTML_SUFFIXES = (".htm", ".html")
HTML_DATE = re.compile(
    r"<meta[^>]+(?:name|property)=[\"'](?:PubDate|pubdate|publishdate|firstpublishedtime|"
    r"ArticlePubDate|article:published_time)[\"'][^>]*content=[\"']([^\"']+)[\"']", re.I)
# Machine conversion to traditional characters sometimes adds pinyin: 領(lǐng)導. Not report text.
PINYIN_NOTE = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")

# Keys of the key:value metadata that government web pages print around a report.
META_KEYS = (
    "索引号|主题分类|内容分类|发布日期|发布时间|发文日期|成文日期|公开方式|公开时限|公开范围|"
    "责任处室|发文机关|发布机构|文号|来源|信息来源|浏览次数|浏览量|浏览|点击数|点击量|点击|"
    "阅读量|阅读次数|阅读|访问量|作者|编辑|责任编辑|日期|时间|字号|今天是"
)
# Keys whose value is the page's publication date, best first. 今天是 is a site clock, never used.
PUBLISH_KEYS = ("发布日期", "发布时间", "发文日期", "日期", "时间")

DATE_VALUE = r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
META_PAIR = re.compile(
    rf"(?P<key>{META_KEYS})\s*:\s*(?P<value>{DATE_VALUE}|[^\s:|]*)"
)
# Page furniture that carries no report text.
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")  # markdown image
FURNITURE = re.compile(
    r"【\s*大\s*中\s*小\s*】|\[\s*大\s*中\s*小\s*\]"
    r"|(?<!\S)(?:朗读|打印|关闭|分享|分享到|收藏|打印本页|关闭窗口|简体|繁体|无障碍|大|中|小)(?!\S)"
)
BREADCRUMB = re.compile(r"^(?:当前位置|您现在的位置|您的位置|现在位置|所在位置)\s*:|首页\s*>")
BANNER = re.compile(r"^欢迎(?:访问|来到|光临)\S*[!。]?")
TABLE_PIPES = re.compile(r"\s*\|\s*")
ONLY_MARKS = re.compile(r"^[\s|•·\-—_=*#]*$")
NAV_TOKEN = re.compile(r"^[\u4e00-\u9fff]{2,6}$")

TITLE_CUE = re.compile(r"(?:法治|依法行政|法制)")
TITLE_END = re.compile(r"(?:报告|情况|总结)$")
YEAR_IN_TITLE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
YEAR_OPENING = re.compile(r"^((?:19|20)\d{2})年(?:度)?[,，以来]")
YEAR_HEADING = re.compile(r"^[一二三四五六七八九十]+、\s*((?:19|20)\d{2})年")
DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
CN_DIGITS = {"〇": "0", "零": "0", "○": "0", "Ｏ": "0", "O": "0", "一": "1", "二": "2", "三": "3",
             "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
SIGNATURE_DATE = re.compile(
    r"^([〇零○O一二三四五六七八九\d]{4})年([一二三四五六七八九十\d]{1,3})月([一二三四五六七八九十\d]{1,3})日$"
)
ISSUER = re.compile(
    r"^(.{2,30}?(?:人民政府办公室|人民政府办公厅|人民政府|委员会|办公室|办公厅|局|厅|委|院|署|中心))"
)
GOVERNMENT = re.compile(r"(?:人民政府|政府)$")

# ASCII suffixes for department reports; other departments get a short hash of the name.
DEPARTMENT_SUFFIX = {
    "司法局": "sfj", "司法厅": "sft", "公安局": "gaj", "财政局": "czj", "教育局": "jyj",
    "自然资源局": "zrzyj", "生态环境局": "sthjj", "住房和城乡建设局": "zjj", "交通运输局": "jtysj",
    "农业农村局": "nyncj", "商务局": "swj", "文化和旅游局": "wlj", "卫生健康委员会": "wjw",
    "应急管理局": "yjglj", "市场监督管理局": "scjgj", "税务局": "swj2", "人力资源和社会保障局": "rsj",
    "民政局": "mzj", "审计局": "sjj", "统计局": "tjj", "发展和改革委员会": "fgw",
}

OVERRIDABLE = ("title", "issuer", "issuer_type", "region_name", "region_code", "report_year",
               "publish_date")


class Reject(Exception):
    """A raw file that cannot become a report; the message is the reason shown in rejects.csv."""


@dataclass
class Cleaned:
    text: str
    page_meta: dict[str, str] = field(default_factory=dict)
    header_lines: list[str] = field(default_factory=list)


# --- decoding and cleaning --------------------------------------------------------------------


def decode(raw: bytes) -> tuple[str, str]:
    """Decode in a fixed order: BOM, strict UTF-8, strict GB18030, Big5. Raise Reject otherwise."""
    if not raw.strip():
        raise Reject("empty file: nothing to read")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    if b"\x00" in raw:
        raise Reject("binary file (contains NUL bytes): save the report as text or HTML")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(raw) - 3:
            # A file cut in the middle of its last character: keep everything before it.
            return raw[:exc.start].decode("utf-8"), "utf-8 (truncated)"
    for encoding in ENCODINGS[1:]:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if common_share(text) >= PLAUSIBLE_SHARE:
            return text, encoding  # the first plausible one in the fixed order
    raise Reject(
        "undecodable: not valid UTF-8, and as GB18030 or Big5 it is not Chinese text; "
        "re-save the file as UTF-8"
    )


def _is_common(char: str) -> bool:
    try:
        code = simplified(char).encode("gb2312")
    except UnicodeEncodeError:
        return False
    return 0xB0 <= code[0] <= 0xD7


def common_share(text: str) -> float:
    """Share of the CJK characters that are common ones (GB2312 level 1 after simplification)."""
    cjk = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    return sum(map(_is_common, cjk)) / len(cjk) if cjk else 0.0


def html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """The main text of a web page (trafilatura), its title first, and its publish date meta tag."""
    main = trafilatura.extract(html, output_format="txt", include_tables=True,
                               include_comments=False, favor_recall=True, deduplicate=False) or ""
    found = trafilatura.extract_metadata(html)
    title = found.title if found is not None and found.title else None
    page_meta = {}
    m = HTML_DATE.search(html)
    if m:
        page_meta["发布日期"] = m[1]
    if title and title not in main:
        main = f"{title}\n{main}"
    return main, page_meta


def normalise_line(line: str) -> str:
    """One line in the published convention: NFKC, single spaces, no leading/trailing space."""
    line = PINYIN_NOTE.sub("", unicodedata.normalize("NFKC", line))
    return re.sub(r"[ \t\u00a0\u3000\u200b]+", " ", line).strip()


def _parse_date(value: str) -> str | None:
    m = DATE.search(value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def _strip_meta(line: str, meta: dict[str, str]) -> str:
    """Remove key:value page metadata from a line, recording the first value of each key."""

    def take(m: re.Match) -> str:
        meta.setdefault(m["key"], m["value"].strip())
        return " "

    return META_PAIR.sub(take, line)


def is_boilerplate(line: str, meta: dict[str, str], in_header: bool) -> bool:
    """Whether a (normalised) line is page furniture rather than report text.

    Page metadata (发布日期: ...) found on a dropped line is recorded in `meta`.
    """
    if ONLY_MARKS.match(line):
        return True
    flat = simplified(TABLE_PIPES.sub(" ", IMAGE.sub(" ", line)).strip())
    if BREADCRUMB.search(flat) or (in_header and BANNER.match(flat)):
        return True
    found: dict[str, str] = {}
    rest = FURNITURE.sub(" ", _strip_meta(flat, found)).strip()
    tokens = rest.split()
    # A navigation bar: several short bare words, no punctuation (only above the report).
    is_nav = in_header and len(tokens) >= 4 and all(NAV_TOKEN.match(t) for t in tokens)
    if rest and not is_nav:
        return False
    for key, value in found.items():
        meta.setdefault(key, value)
    return True


def clean(text: str) -> Cleaned:
    """Strip web-page boilerplate and normalise. Never rewrites a sentence of the report.

    Boilerplate is recognised line by line: lines that are only furniture, metadata or breadcrumbs
    are dropped; table pipes around the title and the body are removed; blank lines collapse so
    paragraphs are separated by exactly one newline.
    """
    meta: dict[str, str] = {}
    kept: list[str] = []
    header: list[str] = []
    in_header = True
    for raw_line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = normalise_line(raw_line)
        if is_boilerplate(line, meta, in_header):
            continue
        # A report line inside a page table: drop the empty cells around it.
        if "|" in line or "![" in line:
            line = TABLE_PIPES.sub(" ", IMAGE.sub(" ", line)).strip()
        line = re.sub(r" {2,}", " ", line)
        if in_header and (len(line) > 60 or "。" in line):
            in_header = False
        if in_header:
            header.append(line)
        kept.append(line)
    while kept and re.fullmatch(r"附件\s*[:：]?", kept[-1]):  # an attachment list left empty
        kept.pop()
    return Cleaned(text="\n".join(kept) + "\n", page_meta=meta, header_lines=header)


# --- metadata detection -----------------------------------------------------------------------


def find_title(header_lines: list[str]) -> str | None:
    """The report's title: a short line above the body naming rule-of-law work, maybe split."""
    for i, line in enumerate(header_lines):
        if len(line) > 80 or not TITLE_CUE.search(line) or line.endswith("。"):
            continue
        title = line
        if not TITLE_END.search(title) and i + 1 < len(header_lines):
            nxt = header_lines[i + 1]
            if len(nxt) <= 40 and TITLE_END.search(nxt):
                title += nxt
        return re.sub(r"(?<=\S) (?=\S)", "", title)
    return None


def _to_int(chinese_or_arabic: str) -> int:
    s = "".join(CN_DIGITS.get(c, c) for c in chinese_or_arabic)
    if s.isdigit():
        return int(s)
    # 十, 十二, 二十, 二十一
    head, _, tail = chinese_or_arabic.partition("十")
    tens = int(CN_DIGITS.get(head, "1")) if head else 1
    units = int(CN_DIGITS.get(tail, "0")) if tail else 0
    return tens * 10 + units


def signature(lines: list[str]) -> tuple[str | None, str | None]:
    """(issuer, date) printed under the report's last paragraph, if any."""
    issuer = date = None
    for line in lines[-3:]:
        m = SIGNATURE_DATE.match(line)
        if m:
            try:
                date = dt.date(_to_int(m[1]), _to_int(m[2]), _to_int(m[3])).isoformat()
            except ValueError:
                date = None
        elif len(line) <= 30 and ISSUER.match(line) and ISSUER.match(line)[1] == line:
            issuer = line
    return issuer, date


def find_year(title: str | None, lines: list[str]) -> int | None:
    """The year the report covers: from the title, else the body's opening, else a top heading."""
    if title:
        m = YEAR_IN_TITLE.search(title)
        if m:
            return int(m[1])
    for line in lines[:5]:
        m = YEAR_OPENING.match(line)
        if m:
            return int(m[1])
    for line in lines:
        m = YEAR_HEADING.match(line)
        if m:
            return int(m[1])
    return None


def find_publish_date(page_meta: dict[str, str], signature_date: str | None) -> str | None:
    """The page's publish date, else the signature date; never a site clock (今天是)."""
    for key in PUBLISH_KEYS:
        if key in page_meta:
            parsed = _parse_date(page_meta[key])
            if parsed:
                return parsed
    return signature_date


def detect(cleaned: Cleaned) -> dict:
    """Metadata detected from one cleaned text (fields may be None where the text is silent).

    Detection reads the simplified view of the text, so a traditional-character copy gives the
    same title, issuer and region as a simplified one.
    """
    lines = simplified(cleaned.text).rstrip("\n").split("\n")
    title = find_title([simplified(line) for line in cleaned.header_lines])
    signed_by, signed_on = signature(lines)
    year = find_year(title, lines)
    issuer = None
    if title and ISSUER.match(title) and not YEAR_IN_TITLE.match(title):
        candidate = ISSUER.match(title)[1]
        issuer = candidate.removesuffix("关于")
    issuer = issuer or signed_by
    return {
        "title": title,
        "issuer": issuer,
        "report_year": year,
        "publish_date": find_publish_date(cleaned.page_meta, signed_on),
        # Where to look for the region, most telling first.
        "_region_texts": [t for t in (title, issuer, signed_by, " ".join(lines[:3])) if t],
    }


def resolve_region(meta: dict, year: int) -> regions.Region:
    """The report's region: an override's code or name, else the first text that names one."""
    if meta.get("region_code"):
        region = regions.by_code(str(meta["region_code"]), year)
        if region is None:
            raise Reject(f"region_code {meta['region_code']} is not in force in {year}")
        return region
    texts = [meta["region_name"]] if meta.get("region_name") else meta["_region_texts"]
    for text in texts:
        found = regions.find_region(text, year)
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            names = ", ".join(f"{r.name} {r.code}" for r in found)
            raise Reject(f"ambiguous region ({names}): give region_code in data/raw/sources.csv")
    raise Reject(
        "no known region named in the title, signature or opening paragraph: give region_code "
        "in data/raw/sources.csv (or add the region to src/fazhi/codebook/regions.csv)"
    )


def department_suffix(issuer: str, region_name: str) -> str:
    """A stable ASCII suffix for a department's report id."""
    unit = issuer.removeprefix(region_name)
    unit = re.sub(r"^.*?[省市县区]", "", unit) if unit == issuer else unit
    return DEPARTMENT_SUFFIX.get(unit) or "d" + hashlib.sha256(unit.encode()).hexdigest()[:6]


def report_metadata(cleaned: Cleaned, override: dict) -> dict:
    """All reports.csv metadata columns for one text, overrides applied. Raises Reject."""
    meta = detect(cleaned)
    for key in OVERRIDABLE:
        if override.get(key) not in (None, ""):
            meta[key] = override[key]
    if not meta.get("report_year"):
        raise Reject(
            "no report year found in the title or opening: give report_year in data/raw/sources.csv"
        )
    year = int(meta["report_year"])
    region = resolve_region(meta, year)
    where = regions.describe(region, year)
    issuer = meta.get("issuer") or f"{where['region_name']}人民政府"
    issuer_type = meta.get("issuer_type") or (
        "government" if GOVERNMENT.search(issuer) else "department"
    )
    deadline = dt.date(year + 1, 4, 1)
    publish_date = meta.get("publish_date") or None
    return {
        "title": meta.get("title"),
        "issuer": issuer,
        "issuer_type": issuer_type,
        **where,
        "report_year": year,
        "publish_date": publish_date,
        "deadline": deadline.isoformat(),
        "is_published_on_time": (
            None if publish_date is None else dt.date.fromisoformat(publish_date) < deadline
        ),
    }


# --- the stage --------------------------------------------------------------------------------


def ingest_one(item: tuple[str, bytes, str, dict]) -> dict:
    """One raw file → {"report": row, "text": cleaned} or {"reject": row}. Pure (runs in workers)."""
    name, raw, sha, override = item
    try:
        text, _encoding = decode(raw)
        page_meta = {}
        if name.lower().endswith(HTML_SUFFIXES):
            text, page_meta = html_to_text(text)
        cleaned = clean(text)
        for key, value in page_meta.items():
            cleaned.page_meta.setdefault(key, value)
        if not cleaned.text.strip():
            raise Reject("no text left after removing page boilerplate")
        meta = report_metadata(cleaned, override)
    except Reject as exc:
        return {"reject": {"source_file": name, "source_sha256": sha, "reason": str(exc)}}
    return {"report": {"source_file": name, "source_sha256": sha,
                       "source_url": override.get("source_url"), **meta,
                       "n_chars": len(cleaned.text)},
            "text": cleaned.text}


def run(
    raw_files: dict[str, bytes],
    sources: pd.DataFrame,
    report_suffixes: tuple[str, ...] = REPORT_SUFFIXES,
    n_workers: int | None = 1,
    progress=None,
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    """Raw files (name → bytes) and the manifest → (reports, rejects, texts by report_id).

    Pure: no I/O. Every input file ends up in exactly one of reports and rejects.
    """
    overrides = {row["file"]: row for row in sources.to_dict("records")}
    rejects, todo = [], []
    seen_sha: dict[str, str] = {}
    for name in sorted(raw_files):
        raw = raw_files[name]
        sha = hashlib.sha256(raw).hexdigest()
        override = {k: (None if pd.isna(v) else v) for k, v in overrides.get(name, {}).items()}
        reason = None
        if not name.lower().endswith(report_suffixes):
            reason = (f"unsupported file type {Path(name).suffix or '(none)'}: "
                      "convert the report to .txt or .html")
        elif override.get("sha256") and override["sha256"] != sha:
            reason = ("sha256 differs from data/raw/sources.csv: the raw file was changed after it "
                      "was recorded; restore it or update the manifest")
        elif sha in seen_sha:
            reason = f"exact duplicate of {seen_sha[sha]}"
        if reason:
            rejects.append({"source_file": name, "source_sha256": sha, "reason": reason})
            continue
        seen_sha[sha] = name
        todo.append((name, raw, sha, override))
    reports, texts = [], {}
    for result in map_reports(ingest_one, todo, n_workers, progress):
        if "reject" in result:
            rejects.append(result["reject"])
        else:
            reports.append({**result["report"], "_text": result["text"]})
    _assign_ids(reports)
    for r in reports:
        texts[r["report_id"]] = r.pop("_text")
    assert len(reports) + len(rejects) == len(raw_files), "ingest lost a file"
    rejects = sorted(rejects, key=lambda r: r["source_file"])
    return (pd.DataFrame(reports),
            pd.DataFrame(rejects, columns=["source_file", "source_sha256", "reason"]), texts)


def _assign_ids(reports: list[dict]) -> None:
    """report_id = region code + year (+ department suffix) (+ -2, -3 for further reports)."""
    counts: dict[str, int] = {}
    for r in reports:  # already in source_file order, so ids are stable
        base = f"{r['region_code']}-{r['report_year']}"
        if r["issuer_type"] == "department":
            base += "-" + department_suffix(r["issuer"], r["region_name"])
        counts[base] = counts.get(base, 0) + 1
        r["report_id"] = base if counts[base] == 1 else f"{base}-{counts[base]}"


def read_sources(path: Path) -> pd.DataFrame:
    """The optional manifest, all columns as strings ('' → missing)."""
    if not path.exists():
        return pd.DataFrame(columns=["file"])
    frame = read_csv(path)
    assert "file" in frame.columns, f"{path}: the manifest needs a 'file' column"
    dupes = frame["file"][frame["file"].duplicated()].tolist()
    assert not dupes, f"{path}: files listed twice: {dupes}"
    return frame


def read_raw(raw_dir: Path) -> dict[str, bytes]:
    """Every input file under data/raw/ (the manifest excluded)."""
    return {
        p.name: p.read_bytes()
        for p in sorted(raw_dir.iterdir())
        if p.is_file() and p.name not in MANIFEST_NAMES
    }


def main() -> None:
    params = yaml.safe_load(paths.PARAMS.read_text(encoding="utf-8"))
    raw_files = read_raw(paths.RAW)
    reports, rejects, texts = run(
        raw_files, read_sources(paths.SOURCES), tuple(params["ingest"]["report_suffixes"]),
        params["parallel"]["workers"], progress_line("ingest"),
    )
    paths.TEXTS.mkdir(parents=True, exist_ok=True)
    for old in paths.TEXTS.glob("*.txt"):
        old.unlink()
    for report_id, text in texts.items():
        paths.text_path(report_id).write_text(text, encoding="utf-8", newline="\n")
    write_csv(reports, paths.INTERIM_REPORTS)
    write_csv(rejects, paths.INTERIM_REJECTS)
    print(f"ingest: {len(raw_files)} raw files -> {len(reports)} reports, {len(rejects)} rejects",
          file=sys.stderr)


if __name__ == "__main__":
    main()
