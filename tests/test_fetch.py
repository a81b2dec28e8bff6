"""Fetch: pages listed in sources.csv, downloaded from a real local server (127.0.0.1 only)."""

from __future__ import annotations

import hashlib
import re
import socket
import time

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from fazhi import fetch, paths
from fazhi.csvio import read_csv
from fazhi.ingest import stage as ingest

TODAY = "2025-03-01"
FAST = fetch.Settings(delay=0, timeout=2, retries=0, backoff=0)
HEADER = paths.SOURCES.read_text(encoding="utf-8").splitlines()[0]
SEED = "004_2c3212e3c32bb1b1.txt"  # 海东市乐都区 2022
PAGE = ("<!DOCTYPE html><html><head><meta charset=\"{charset}\"><title>{title}</title></head>"
        "<body><div class=\"content\"><p>{body}</p></div></body></html>")
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n"


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """No test reaches any address but 127.0.0.1, and no proxy stands in between."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                 "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "*")
    connect = socket.socket.connect

    def guarded(sock, address):
        assert sock.family == socket.AF_INET and address[0] == "127.0.0.1", address
        return connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(scope="module")
def httpd():
    httpd = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    httpd.start()
    yield httpd
    httpd.stop()


@pytest.fixture
def server(httpd):
    """A threaded HTTP server on 127.0.0.1; unknown paths (robots.txt too) answer 404."""
    httpd.clear()
    httpd.no_handler_status_code = 404
    yield httpd
    httpd.clear()


@pytest.fixture
def raw(tmp_path):
    folder = tmp_path / "data" / "raw"
    folder.mkdir(parents=True)
    return folder


def html(body: str, charset: str = "utf-8", title: str = "报告") -> str:
    return PAGE.format(charset=charset, title=title, body=body)


def report_page(cases: int, header: str = "时间:2025-03-01") -> str:
    """A short report page whose one figure is `cases`; `header` goes above the text."""
    paragraphs = ["某县2024年度法治政府建设工作报告", header,
                  "一、主要举措和成效", "全面推进严格规范公正文明执法,持续深化行政复议体制改革。",
                  f"全年共办理行政复议案件{cases}件。", "二、存在的不足", "执法队伍专业化水平仍需提高。"]
    return html("</p><p>".join(paragraphs), title=paragraphs[0])


def list_urls(raw, *urls: str) -> None:
    """A sources.csv with the project's header and one row per address, file left empty."""
    rows = [",," + url + "," * (HEADER.count(",") - 2) for url in urls]
    (raw / "sources.csv").write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")


def run(raw, settings=FAST, today=TODAY):
    """Fetch into raw/; (summary, printed lines, sources rows, log rows)."""
    lines = []
    summary = fetch.fetch(raw / "sources.csv", raw, settings, today=today, say=lines.append)
    sources = fetch._table(raw / "sources.csv").to_dict("records")
    log_path = raw / fetch.LOG_NAME
    log = fetch._table(log_path).to_dict("records") if log_path.exists() else []
    return summary, lines, sources, log


def page_requests(server, path: str) -> int:
    return sum(1 for request, _ in server.log if request.path == path)


def test_utf8_page_is_saved_byte_for_byte_with_its_row_filled(server, raw):
    """A UTF-8 page is saved unchanged under a readable name, and its row records the download."""
    body = html("2024年度法治政府建设工作报告").encode("utf-8")
    server.expect_request("/a.html").respond_with_data(body, content_type="text/html; charset=utf-8")
    url = server.url_for("/a.html")
    list_urls(raw, url)
    _, _, [row], _ = run(raw)
    assert re.fullmatch(r"127\.0\.0\.1_[0-9a-f]{12}\.html", row["file"])
    assert (raw / row["file"]).read_bytes() == body
    assert row["sha256"] == hashlib.sha256(body).hexdigest()
    assert (row["retrieved"], row["http_status"], row["final_url"]) == (TODAY, "200", url)
    assert row["content_type"] == "text/html; charset=utf-8"


def test_gbk_page_is_saved_without_re_encoding(server, raw):
    """A GBK page keeps its GBK bytes: nothing is decoded or re-encoded on the way."""
    body = html("乐都区法治政府建设年度报告", charset="gbk").encode("gbk")
    server.expect_request("/gbk.htm").respond_with_data(body, content_type="text/html; charset=gbk")
    list_urls(raw, server.url_for("/gbk.htm"))
    _, _, [row], _ = run(raw)
    assert (raw / row["file"]).read_bytes() == body


def test_plain_text_page_is_saved_as_txt(server, raw):
    """A text/plain response is saved with the .txt suffix ingest reads as text."""
    server.expect_request("/r").respond_with_data("报告全文".encode(), content_type="text/plain")
    list_urls(raw, server.url_for("/r"))
    _, _, [row], _ = run(raw)
    assert row["file"].endswith(".txt")


def test_redirect_records_the_final_address(server, raw):
    """After a redirect the row keeps the address listed and records where the page was."""
    server.expect_request("/old").respond_with_data("", status=302, headers={"Location": "/new"})
    server.expect_request("/new").respond_with_data(html("正文"), content_type="text/html")
    list_urls(raw, server.url_for("/old"))
    _, _, [row], _ = run(raw)
    assert (row["source_url"], row["final_url"]) == (server.url_for("/old"), server.url_for("/new"))


def test_404_is_logged_and_the_row_kept_without_a_file(server, raw):
    """A 404 does not stop the run or drop the row: the row stays empty, the log says why."""
    server.expect_request("/ok").respond_with_data(html("正文"), content_type="text/html")
    list_urls(raw, server.url_for("/gone"), server.url_for("/ok"))
    summary, _, sources, log = run(raw)
    assert summary.outcomes["saved"] == summary.outcomes["failed"] == 1
    gone = next(r for r in sources if r["source_url"].endswith("/gone"))
    assert gone["file"] is None and gone["sha256"] is None
    entry = next(e for e in log if e["url"].endswith("/gone"))
    assert (entry["attempted"], entry["outcome"]) == (TODAY, "failed")
    assert entry["reason"].startswith("HTTP 404")


def test_slow_page_times_out_and_is_logged(server, raw):
    """A response slower than the timeout is logged as a timeout; the run goes on."""
    def slow(_request):
        time.sleep(1.5)
        return Response(html("迟到"), content_type="text/html")

    server.expect_request("/slow").respond_with_handler(slow)
    list_urls(raw, server.url_for("/slow"))
    started = time.monotonic()
    _, _, [row], [entry] = run(raw, fetch.Settings(delay=0, timeout=0.3, retries=1, backoff=0))
    assert time.monotonic() - started < 1.4
    assert row["file"] is None
    assert entry["outcome"] == "failed" and entry["reason"].startswith("timed out")


def test_pdf_is_not_saved_and_logged_as_not_a_page(server, raw):
    """PDF bytes are not a page: nothing is saved, the log names what the file was."""
    server.expect_request("/r.pdf").respond_with_data(PDF, content_type="application/pdf")
    list_urls(raw, server.url_for("/r.pdf"))
    _, _, [row], [entry] = run(raw)
    assert row["file"] is None and sorted(p.name for p in raw.iterdir()) == [
        "fetch_log.csv", "sources.csv"]
    assert entry["outcome"] == "failed" and "not an HTML or text page: a PDF" in entry["reason"]


def test_pdf_served_as_html_is_still_not_a_page(server, raw):
    """The bytes decide: a PDF the server calls text/html is refused all the same."""
    server.expect_request("/view").respond_with_data(PDF, content_type="text/html")
    list_urls(raw, server.url_for("/view"))
    _, _, [row], [entry] = run(raw)
    assert row["file"] is None and "a PDF (served as text/html" in entry["reason"]


def test_empty_page_is_logged(server, raw):
    """An empty 200 response is logged as an empty page and not saved."""
    server.expect_request("/blank").respond_with_data(b"  \n", content_type="text/html")
    list_urls(raw, server.url_for("/blank"))
    _, _, [row], [entry] = run(raw)
    assert row["file"] is None and entry["reason"].startswith("empty page")


def test_rerun_retries_only_the_failed_rows(server, raw):
    """The second run requests only the address that failed, and saves it this time."""
    server.expect_request("/ok").respond_with_data(html("一"), content_type="text/html")
    server.expect_oneshot_request("/flaky").respond_with_data("", status=404)
    server.expect_request("/flaky").respond_with_data(html("二"), content_type="text/html")
    list_urls(raw, server.url_for("/ok"), server.url_for("/flaky"))
    run(raw)
    summary, _, sources, log = run(raw)
    assert (page_requests(server, "/ok"), page_requests(server, "/flaky")) == (1, 2)
    assert summary.outcomes["saved"] == 1 and all(r["file"] for r in sources)
    assert [e["outcome"] for e in log if e["url"].endswith("/flaky")] == ["failed", "saved"]


def test_server_error_is_retried(server, raw):
    """A 503 is retried (urllib3 Retry) and the page saved when the server recovers."""
    server.expect_oneshot_request("/busy").respond_with_data("", status=503)
    server.expect_request("/busy").respond_with_data(html("正文"), content_type="text/html")
    list_urls(raw, server.url_for("/busy"))
    _, _, [row], _ = run(raw, fetch.Settings(delay=0, timeout=2, retries=2, backoff=0))
    assert row["file"] and page_requests(server, "/busy") == 2


def test_existing_raw_file_is_neither_fetched_nor_overwritten(server, raw):
    """A row whose file is in data/raw/ is left alone: no request, the bytes untouched."""
    server.expect_request("/a").respond_with_data(html("新"), content_type="text/html")
    list_urls(raw, server.url_for("/a"))
    (raw / "sources.csv").write_text(
        (raw / "sources.csv").read_text(encoding="utf-8").replace("\n,,", "\nmine.html,,"),
        encoding="utf-8")
    (raw / "mine.html").write_bytes(b"old bytes")
    before = (raw / "sources.csv").read_bytes()
    run(raw)
    assert page_requests(server, "/a") == 0 and (raw / "mine.html").read_bytes() == b"old bytes"
    assert (raw / "sources.csv").read_bytes() == before


def test_changed_page_is_saved_as_a_new_row_and_the_difference_reported(server, raw):
    """With --refresh, a page whose text changed becomes a new file and row; the old one stays."""
    text = {"body": report_page(100)}
    server.expect_request("/p").respond_with_handler(
        lambda _r: Response(text["body"], content_type="text/html; charset=utf-8"))
    list_urls(raw, server.url_for("/p"))
    _, _, [first], _ = run(raw, today="2025-03-01")
    old_bytes = (raw / first["file"]).read_bytes()
    text["body"] = report_page(120)
    refresh = fetch.Settings(delay=0, timeout=2, retries=0, backoff=0, refresh=True)
    summary, lines, sources, log = run(raw, refresh, today="2025-04-01")
    assert summary.outcomes["changed"] == 1 and len(sources) == 2
    old, new = sorted(sources, key=lambda r: r["retrieved"])
    assert old == first and (raw / old["file"]).read_bytes() == old_bytes
    assert new["file"] == first["file"].replace(".html", "_2025-04-01.html")
    assert new["source_url"] == first["source_url"] and new["retrieved"] == "2025-04-01"
    assert "    -全年共办理行政复议案件100件。" in lines and "    +全年共办理行政复议案件120件。" in lines
    assert "1 lines removed, 1 added" in log[-1]["reason"] and log[-1]["outcome"] == "changed"


def test_unchanged_page_on_refresh_saves_nothing(server, raw):
    """Fetched again with the same bytes, a page is logged unchanged and nothing is written."""
    server.expect_request("/p").respond_with_data(html("正文"), content_type="text/html")
    list_urls(raw, server.url_for("/p"))
    run(raw)
    before = (raw / "sources.csv").read_bytes()
    summary, _, _, log = run(raw, fetch.Settings(delay=0, timeout=2, retries=0, refresh=True))
    assert summary.outcomes["unchanged"] == 1 and log[-1]["outcome"] == "unchanged"
    assert (raw / "sources.csv").read_bytes() == before and len(list(raw.iterdir())) == 3


def test_page_furniture_change_is_not_a_new_version(server, raw):
    """Bytes that differ only outside the report text (a view counter) are not a new version."""
    counter = {"n": 6215}

    def page(_request):
        counter["n"] += 1
        return Response(report_page(100, f"浏览:{counter['n']}次"),
                        content_type="text/html; charset=utf-8")

    server.expect_request("/p").respond_with_handler(page)
    list_urls(raw, server.url_for("/p"))
    run(raw)
    summary, _, sources, log = run(raw, fetch.Settings(delay=0, timeout=2, retries=0, refresh=True))
    assert summary.outcomes["unchanged"] == 1 and len(sources) == 1
    assert "the text is the same" in log[-1]["reason"]


def test_robots_txt_disallow_is_honoured(server, raw):
    """A path robots.txt disallows is never requested; the log says robots.txt refused it."""
    server.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    server.expect_request("/private/r.html").respond_with_data(html("秘"), content_type="text/html")
    list_urls(raw, server.url_for("/private/r.html"))
    _, _, [row], [entry] = run(raw)
    assert page_requests(server, "/private/r.html") == 0 and row["file"] is None
    assert entry["reason"].startswith("disallowed by") and "robots.txt" in entry["reason"]


def test_robots_txt_rules_for_the_project_agent_apply(server, raw):
    """Rules addressed to the fazhi-reports agent apply even when others may fetch."""
    server.expect_request("/robots.txt").respond_with_data(
        "User-agent: fazhi-reports\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    list_urls(raw, server.url_for("/r.html"))
    _, _, _, [entry] = run(raw)
    assert entry["reason"].startswith("disallowed by")


def test_user_agent_names_the_project(server, raw):
    """Every request says who is asking: the project's name and version."""
    server.expect_request("/a").respond_with_data(html("正文"), content_type="text/html")
    list_urls(raw, server.url_for("/a"))
    run(raw)
    agents = {request.headers["User-Agent"] for request, _ in server.log}
    assert agents and all(a.startswith("fazhi-reports/") for a in agents)


def test_delay_separates_requests_to_one_host(server, raw):
    """Two requests to the same host are at least the configured delay apart."""
    seen = []

    def page(request):
        seen.append(time.monotonic())
        return Response(html(request.path), content_type="text/html")

    server.expect_request(re.compile("^/(a|b)$")).respond_with_handler(page)
    list_urls(raw, server.url_for("/a"), server.url_for("/b"))
    run(raw, fetch.Settings(delay=0.4, timeout=2, retries=0))
    assert len(seen) == 2 and seen[1] - seen[0] >= 0.4


def test_address_listed_twice_is_fetched_once(server, raw):
    """Two rows with one address give one request, one file, and a log line for the other row."""
    server.expect_request("/a").respond_with_data(html("正文"), content_type="text/html")
    list_urls(raw, server.url_for("/a"), server.url_for("/a"))
    summary, _, sources, _ = run(raw)
    assert page_requests(server, "/a") == 1 and summary.outcomes["skipped"] == 1
    assert sorted(bool(r["file"]) for r in sources) == [False, True]


def test_recorded_file_that_is_missing_is_not_downloaded_again(server, raw):
    """A row with a recorded sha256 but no file (say, not yet `dvc pull`ed) is not re-fetched."""
    server.expect_request("/a").respond_with_data(html("正文"), content_type="text/html")
    list_urls(raw, server.url_for("/a"))
    run(raw)
    [name] = [p.name for p in raw.iterdir() if p.suffix == ".html"]
    (raw / name).unlink()
    _, _, _, log = run(raw)
    assert page_requests(server, "/a") == 1
    assert log[-1]["outcome"] == "skipped" and "dvc pull" in log[-1]["reason"]


def test_project_columns_and_rows_are_kept(server, raw):
    """Fetching keeps every existing row and column; the fetch columns are added at the end."""
    server.expect_request("/a").respond_with_data(html("正文"), content_type="text/html")
    committed = paths.SOURCES.read_text(encoding="utf-8")
    (raw / "sources.csv").write_text(committed + f",,{server.url_for('/a')}"
                                     + "," * (HEADER.count(",") - 2) + "\n", encoding="utf-8")
    run(raw)
    lines = (raw / "sources.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == HEADER + ",retrieved,http_status,content_type,final_url"
    assert [line + ",,,," for line in committed.splitlines()[1:]] == lines[1:-1]


def test_nothing_to_fetch_writes_nothing(raw):
    """The committed corpus has no address to fetch: no request, no file written or changed."""
    (raw / "sources.csv").write_bytes(paths.SOURCES.read_bytes())
    summary, _, _, _ = run(raw)
    assert sum(summary.outcomes.values()) == 0
    assert [p.name for p in raw.iterdir()] == ["sources.csv"]
    assert (raw / "sources.csv").read_bytes() == paths.SOURCES.read_bytes()


def test_two_runs_write_the_same_bytes(server, tmp_path):
    """Fetching the same addresses into two folders writes identical sources.csv and log."""
    server.expect_request("/b").respond_with_data(html("乙"), content_type="text/html")
    server.expect_request("/a").respond_with_data("甲".encode(), content_type="text/plain")
    outputs = []
    for folder in ("one", "two"):
        raw = tmp_path / folder
        raw.mkdir()
        list_urls(raw, server.url_for("/b"), server.url_for("/gone"), server.url_for("/a"))
        run(raw)
        outputs.append({p.name: p.read_bytes() for p in raw.iterdir()})
    assert outputs[0] == outputs[1]
    text = outputs[0]["sources.csv"].decode("utf-8") + outputs[0]["fetch_log.csv"].decode()
    assert str(tmp_path) not in text
    files = [line.split(",")[0] for line in outputs[0]["sources.csv"].decode().splitlines()[1:]]
    assert files[:2] == sorted(files[:2]) and files[2] == ""  # sorted, unfetched last


def test_file_name_is_readable_and_deterministic():
    """`<host>_<12 hex of the address>.<suffix>`, a dated name when it is taken, IDN as punycode."""
    url = "https://www.例子.cn/art/2024/3/1/art_1.html"
    name = fetch.file_name(url, ".html", set(), TODAY, "ab" * 32)
    assert name == f"www.xn--fsqu00a.cn_{hashlib.sha256(url.encode()).hexdigest()[:12]}.html"
    assert fetch.file_name(url, ".html", {name}, TODAY, "ab" * 32) == name.replace(
        ".html", f"_{TODAY}.html")


def test_command_line_runs_fetch_with_its_options(server, raw, monkeypatch):
    """`python -m fazhi.fetch --delay 0 ...` fetches into data/raw/ with the options given."""
    server.expect_request("/a").respond_with_data(html("正文"), content_type="text/html")
    list_urls(raw, server.url_for("/a"))
    monkeypatch.setattr(paths, "RAW", raw)
    monkeypatch.setattr(paths, "SOURCES", raw / "sources.csv")
    fetch.main(["--delay", "0", "--timeout", "2", "--retries", "0", "--contact", "me@example.org"])
    assert read_csv(raw / "sources.csv")["file"].notna().all()
    assert server.log[-1][0].headers["User-Agent"].count("+me@example.org") == 1


def test_fetched_page_goes_through_ingest_with_its_url_and_retrieved_date(server, raw):
    """A fetched GBK page of a real report becomes a report carrying source_url and retrieved."""
    text = (paths.RAW / SEED).read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    body = "".join(f"<p>{line}</p>" for line in lines[2:])
    page = html(body, charset="gbk", title=lines[0]).replace("<body>", f"<body><h1>{lines[0]}</h1>")
    server.expect_request("/art/2022/12/9/art_1.html").respond_with_data(
        page.encode("gbk"), content_type="text/html; charset=gbk")
    url = server.url_for("/art/2022/12/9/art_1.html")
    list_urls(raw, url)
    run(raw)
    sources = ingest.read_sources(raw / "sources.csv")
    fetched = {name: (raw / name).read_bytes() for name in sources["file"]}
    reports, rejects, _ = ingest.run(fetched, sources)
    assert rejects.empty, rejects.to_dict("records")
    [report] = reports.to_dict("records")
    assert (report["source_url"], report["retrieved"]) == (url, TODAY)
    assert (report["region_code"], str(report["report_year"])) == ("630202", "2022")


def test_fetch_log_is_not_read_as_a_report(server, raw):
    """The fetch log in data/raw/ is a manifest, not a raw file ingest should reject."""
    list_urls(raw, server.url_for("/gone"))
    run(raw)
    assert fetch.LOG_NAME not in ingest.read_raw(raw)


def test_rows_still_without_a_file_do_not_stop_ingest(server, raw):
    """Two addresses that failed leave two rows without a file; ingest still reads the manifest."""
    list_urls(raw, server.url_for("/gone"), server.url_for("/also-gone"))
    run(raw)
    assert len(ingest.read_sources(raw / "sources.csv")) == 2


def test_fetched_report_reaches_the_package_with_its_url_and_date(server, raw):
    """Through every stage into the published package: reports.csv and datapackage.json carry
    the page's address and the download date."""
    import io
    import json

    import pandas as pd

    from conftest import build_in_memory

    text = (paths.RAW / SEED).read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    page = html("".join(f"<p>{line}</p>" for line in lines[2:]), charset="utf-8", title=lines[0])
    server.expect_request("/r.html").respond_with_data(page.encode("utf-8"),
                                                        content_type="text/html; charset=utf-8")
    url = server.url_for("/r.html")
    list_urls(raw, url)
    run(raw)
    sources = ingest.read_sources(raw / "sources.csv")
    *_, outputs = build_in_memory({n: (raw / n).read_bytes() for n in sources["file"]}, sources,
                                  raw.parent)
    published = pd.read_csv(io.BytesIO(outputs["data/reports.csv"]), dtype=str)
    assert published[["source_url", "retrieved"]].values.tolist() == [[url, TODAY]]
    package = json.loads(outputs["datapackage.json"])
    assert [s.get("path") for s in package["sources"]] == [url]
