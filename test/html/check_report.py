#!/usr/bin/env python3
"""check_report.py FIXTURE: the --report HTML page, rendered by headless Chromium and checked.

FIXTURE is lambda-lint-html-fixture, which writes the page for fixed synthetic packages (see
test/html/HtmlFixture.cpp). The check (ctest: html-report):

1. the page is deterministic (two runs write the same bytes), valid UTF-8, small, carries the
   Content-Security-Policy that forbids fetching, and references nothing outside itself: no
   script, stylesheet, image, frame or font element, no src/href attribute, no url() in CSS;
   names that need escaping come out as text;
2. Chromium's --dump-dom of the page holds the treemap, the bar chart and the findings, and
   Chromium's log holds no console message (a blocked fetch or a parse error would be one);
3. Chromium's --screenshot (1280x2000) is decoded here (a PNG decoder on zlib and struct, so
   only the standard library is needed) and checked against the figures in the page's SVG:
   the image is not blank; each artifact kind's colour covers about the area the treemap
   gives it; the quota bars show their state colours and the quota lines; the contributors'
   bars are there, in order, with lengths in the ratio of their bytes.

Chromium is Debian's `chromium` package (`bash scripts/dev.sh setup` installs it); set
LAMBDA_LINT_CHROMIUM to use another binary. Without one the check fails and says so.
"""

import collections
import html.parser
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib

WIDTH, HEIGHT = 1280, 2000
TIMEOUT = 90  # seconds per Chromium run
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

# Colours the page uses (tool/HtmlReport.cpp).
KIND_COLOURS = {
    "code": "#4e79a7",
    "tests": "#f28e2b",
    "docs": "#76b7b2",
    "dev-tool": "#e15759",
    "cache": "#bab0ac",
    "build-leftover": "#edc948",
}
STATE_OVER, STATE_WARN, STATE_OK = "#d7301f", "#e8a33d", "#3c9a5f"
QUOTA_LINE = "#6a1b9a"
DEPENDENCY_BAR, RUNTIME_SDK_BAR = "#2f5d8a", "#17becf"

failures = []


def check(ok, message):
    if not ok:
        failures.append(message)
    return ok


def rgb(hex_colour):
    return bytes.fromhex(hex_colour.lstrip("#"))


# --------------------------------------------------------------------------------------------
# PNG (8-bit RGB or RGBA, not interlaced: what Chromium writes)


def decode_png(data):
    """Returns (width, height, rows): rows are bytes of 3 bytes (R, G, B) per pixel."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None:
        raise ValueError("PNG without IHDR")
    width, height, depth, colour_type, _, _, interlace = header
    if depth != 8 or colour_type not in (2, 6) or interlace != 0:
        raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour_type}, interlace {interlace}")
    bpp = 3 if colour_type == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    if len(raw) != height * (stride + 1):
        raise ValueError("PNG data has the wrong size")
    rows, prior = [], bytes(stride)
    for y in range(height):
        start = y * (stride + 1)
        filt, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if filt == 1:  # Sub
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif filt == 2:  # Up
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prior))
        elif filt == 3:  # Average
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prior[i]) >> 1)) & 0xFF
        elif filt == 4:  # Paeth
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prior[i]
                c = prior[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        elif filt != 0:
            raise ValueError(f"PNG filter type {filt}")
        line = bytes(line)
        prior = line
        if bpp == 4:
            line = b"".join(line[i:i + 3] for i in range(0, stride, 4))
        rows.append(line)
    return width, height, rows


def colour_counts(rows):
    counts = collections.Counter()
    for row in rows:
        counts.update(zip(row[0::3], row[1::3], row[2::3]))
    return counts


def count_of(counts, hex_colour):
    return counts[tuple(rgb(hex_colour))]


def runs_in_row(row, pattern):
    """(x, length) of each horizontal run of the pixel value `pattern` in a row."""
    out, i = [], row.find(pattern)
    while i != -1:
        if i % 3:
            i = row.find(pattern, i + 1)
            continue
        j = i
        while row[j:j + 3] == pattern:
            j += 3
        out.append((i // 3, (j - i) // 3))
        i = row.find(pattern, j)
    return out


def bars_of_colour(rows, hex_colour, min_height):
    """Solid rectangles of a colour, top to bottom: (x, y, length, height)."""
    pattern, open_bars, done = rgb(hex_colour), {}, []
    for y, row in enumerate(rows):
        seen = set()
        for x, length in runs_in_row(row, pattern):
            key = (x, length)
            seen.add(key)
            if key not in open_bars:
                open_bars[key] = y
        for key in [k for k in open_bars if k not in seen]:
            done.append((key[0], open_bars[key], key[1], y - open_bars.pop(key)))
    done.extend((k[0], y0, k[1], len(rows) - y0) for k, y0 in open_bars.items())
    return sorted((b for b in done if b[3] >= min_height), key=lambda b: (b[1], b[0]))


# --------------------------------------------------------------------------------------------
# The page's HTML


class PageParser(html.parser.HTMLParser):
    """Collects what the static checks need: every element, and the SVG shapes by SVG id."""

    FORBIDDEN_TAGS = {"script", "link", "img", "iframe", "frame", "object", "embed", "audio", "video",
                      "source", "track", "base", "form", "image", "use", "foreignobject", "picture",
                      "portal", "applet", "meta-refresh"}
    URL_ATTRIBUTES = {"src", "href", "xlink:href", "srcset", "action", "formaction", "poster",
                      "background", "ping", "data", "codebase", "manifest", "cite", "longdesc"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems, self.metas = [], []
        self.svg, self.shapes = None, collections.defaultdict(list)
        self.groups, self.text = [], []
        self.in_style, self.style_text = False, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in self.FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name in self.URL_ATTRIBUTES:
                self.problems.append(f"{name}= attribute on <{tag}>")
            if name.startswith("on"):
                self.problems.append(f"event handler {name}= on <{tag}>")
            if value and ("url(" in value.lower() or "://" in value or "@import" in value.lower()):
                self.problems.append(f"<{tag} {name}=\"{value[:60]}\"> refers to a resource")
        if tag == "meta":
            self.metas.append(a)
        if tag == "style":
            self.in_style = True
        if tag == "svg":
            self.svg = a.get("id")
        if self.svg and tag in ("rect", "line", "text", "g"):
            self.shapes[self.svg].append((tag, a))

    def handle_endtag(self, tag):
        if tag == "svg":
            self.svg = None
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.style_text.append(data)
        else:
            self.text.append(data)


def parse_page(text):
    parser = PageParser()
    parser.feed(text)
    parser.close()
    return parser


def fill_areas(shapes, predicate=lambda a: True):
    """Total area by fill colour of the rects of one SVG."""
    areas = collections.Counter()
    for tag, a in shapes:
        if tag == "rect" and "fill" in a and predicate(a):
            areas[a["fill"].lower()] += int(a["width"]) * int(a["height"])
    return areas


# --------------------------------------------------------------------------------------------
# Chromium


def chromium_binary():
    wanted = os.environ.get("LAMBDA_LINT_CHROMIUM") or "chromium"
    found = shutil.which(wanted)
    if not found:
        sys.exit(f"check_report.py: FAIL: {wanted} not found. Install chromium: bash scripts/dev.sh setup "
                 "(Debian's chromium package), or set LAMBDA_LINT_CHROMIUM to a Chromium binary.")
    return found


def run_chromium(chromium, work, name, url, *extra):
    profile = os.path.join(work, f"profile-{name}")
    command = [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               "--force-color-profile=srgb", "--force-device-scale-factor=1",
               f"--window-size={WIDTH},{HEIGHT}", f"--user-data-dir={profile}",
               "--no-first-run", "--no-default-browser-check", "--disable-extensions",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--enable-logging=stderr", "--v=0", *extra, url]
    started = time.monotonic()
    try:
        done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        sys.exit(f"check_report.py: FAIL: chromium ({name}) did not finish in {TIMEOUT} s")
    took = time.monotonic() - started
    stderr = done.stderr.decode("utf-8", "replace")
    if done.returncode != 0:
        sys.exit(f"check_report.py: FAIL: chromium ({name}) exited with {done.returncode}:\n{stderr[-3000:]}")
    # The page's console: CSP violations (a blocked fetch), errors. None are expected.
    console = [line for line in stderr.splitlines() if ":CONSOLE" in line]
    check(not console, f"chromium ({name}) logged console messages:\n" + "\n".join(console))
    return done.stdout, took


# --------------------------------------------------------------------------------------------


def check_static(text, page):
    csp = [m for m in page.metas if m.get("http-equiv", "").lower() == "content-security-policy"]
    check(len(csp) == 1 and csp[0].get("content") == CSP, f"the page must carry the CSP meta: {CSP}")
    head = text[:text.find("</head>")]
    check(head.find("Content-Security-Policy") < head.find("<style"), "the CSP must come before the style")
    for problem in sorted(set(page.problems)):
        check(False, f"the page refers to something outside itself: {problem}")
    style = "".join(page.style_text).lower()
    for needle in ("url(", "@import", "@font-face", "://"):
        check(needle not in style, f"the stylesheet holds {needle}")
    check(len(text.encode()) < 1_000_000, f"the page is {len(text.encode())} bytes")
    body_text = "".join(page.text)
    check("<img src=x onerror=alert(1)>" in body_text and "&lt;img src=x onerror=alert(1)&gt;" in text,
          "a file name holding markup must come out as text")
    check("\"quoted\" & 'single'" in body_text, "quotes and & in a name must come out as text")
    check("caf\ufffd-latin1" in text, "an invalid UTF-8 byte in a name must become U+FFFD")
    for svg in ("quota-1", "treemap-1", "bars-1", "quota-2", "treemap-2", "bars-2", "treemap-3"):
        check(page.shapes.get(svg), f"the page has no SVG #{svg}")
    leaves = [a for tag, a in page.shapes["treemap-1"] if tag == "rect" and "data-kind" in a]
    check(30 <= len(leaves) <= 600, f"treemap-1 has {len(leaves)} rectangles; expected 30 to 600")
    kinds = {a["data-kind"] for a in leaves}
    check({"code", "tests", "docs", "dev-tool"} <= kinds, f"treemap-1 shows the kinds {sorted(kinds)}")


def check_dom(dom):
    check("<svg" in dom and 'id="treemap-1"' in dom, "the rendered DOM has no treemap")
    check(dom.count('class="bar"') >= 15 + 5, "the rendered DOM lacks the contributors' bars")
    check(dom.count('class="tm-leaf"') >= 30, "the rendered DOM lacks the treemap's rectangles")
    check("package-bundles-runtime-sdk" in dom, "the rendered DOM lacks the findings")
    check(re.search(r"<(img|script|iframe|object|embed)\b", dom) is None,
          "the rendered DOM holds an element that loads something")


def check_picture(png, page):
    width, height, rows = decode_png(png)
    if not check((width, height) == (WIDTH, HEIGHT), f"the screenshot is {width}x{height}"):
        return
    counts = colour_counts(rows)
    total = width * height
    white = counts[(255, 255, 255)]
    check(len(counts) >= 40, f"the screenshot has only {len(counts)} colours: blank or broken")
    check(white < 0.9 * total, f"the screenshot is {100 * white // total} % white: blank or broken")

    check_treemap(rows, page)
    check_quota_bars(counts, page)
    check_bars(rows, page)


def check_treemap(rows, page):
    """The treemap: found in the picture by its largest rectangle, then each kind's colour
    covers about the area the SVG gives it inside the treemap (strokes and labels take some)."""
    height = len(rows)
    leaves = [a for tag, a in page.shapes["treemap-1"] if tag == "rect" and "data-kind" in a]
    if not check(leaves, "treemap-1 has no rectangles to look for in the picture"):
        return
    big = max(leaves, key=lambda a: int(a["width"]) * int(a["height"]))
    bx, by, bw, bh = (int(big[k]) for k in ("x", "y", "width", "height"))
    left = (WIDTH - 1200) // 2  # the page is 1200 px wide, centred
    top = None
    for y, row in enumerate(rows):
        if any(abs(x - (left + bx)) <= 2 and abs(length - bw) <= 2 for x, length in runs_in_row(row, rgb(big["fill"]))):
            top = y - by
            break
    if not check(top is not None and top >= 0 and top + 480 <= height,
                 f"the treemap's largest rectangle ({bw}x{bh} {big['fill']} at {bx},{by}) is not in the picture"):
        return
    region = colour_counts(row[left * 3:(left + 1200) * 3] for row in rows[top:top + 480])
    areas = fill_areas(page.shapes["treemap-1"], lambda a: "data-kind" in a)
    checked = []
    for kind, colour in KIND_COLOURS.items():
        area = areas.get(colour, 0)
        if area < 2000:
            continue
        seen = count_of(region, colour)
        checked.append(kind)
        check(0.7 * area <= seen <= area,
              f"treemap colour of {kind} ({colour}): {seen} pixels for an area of {area}")
    check(len(checked) >= 4, f"the treemap's checked kinds are only {checked}")
    folders = count_of(region, "#d9d9d9")
    check(folders > 2000, f"the treemap's folder frames have {folders} pixels")



def check_quota_bars(counts, page):
    """The quota bars: the state colours over their areas, and the quota lines."""
    for svg in ("quota-1", "quota-2"):
        for colour, area in fill_areas(page.shapes[svg], lambda a: a.get("class") == "q-own").items():
            seen = count_of(counts, colour)
            check(seen >= 0.9 * area, f"{svg}: state colour {colour} has {seen} pixels for a bar of {area}")
    own_states = {a["fill"] for svg in ("quota-1", "quota-2") for tag, a in page.shapes[svg] if a.get("class") == "q-own"}
    check({STATE_OVER, STATE_WARN, STATE_OK} <= own_states, f"quota states shown: {sorted(own_states)}")
    quota_lines = [a for tag, a in page.shapes["quota-1"] if tag == "rect" and a.get("class") == "q-quota"]
    lines = sum(int(a["width"]) * int(a["height"]) for a in quota_lines)
    check(len(quota_lines) == 2 and count_of(counts, QUOTA_LINE) >= 0.9 * lines,
          f"quota-1 has {len(quota_lines)} quota lines; their colour {QUOTA_LINE} covers "
          f"{count_of(counts, QUOTA_LINE)} pixels for an area of {lines}")



def check_bars(rows, page):
    """The contributors' bars: found in the picture by colour, compared with the SVG's bars in
    order. The largest bar is the longest; lengths are in the ratio of the bytes."""
    svg_bars = [a for tag, a in page.shapes["bars-1"] if tag == "rect" and a.get("fill") in (DEPENDENCY_BAR, RUNTIME_SDK_BAR)]
    byte_sizes = [int(a["data-bytes"]) for tag, a in page.shapes["bars-1"] if tag == "g" and a.get("class") == "bar"]
    check(byte_sizes == sorted(byte_sizes, reverse=True) and len(byte_sizes) == 15,
          f"bars-1 should hold 15 bars, largest first: {byte_sizes}")
    for colour in (DEPENDENCY_BAR, RUNTIME_SDK_BAR):
        expected = [int(a["width"]) for a in svg_bars if a["fill"] == colour]
        found = [b for b in bars_of_colour(rows, colour, 14)]
        # bars-1 comes first on the page; bars-2 may follow in the picture.
        found_lengths = [b[2] for b in found[:len(expected)]]
        if not check(len(found) >= len(expected), f"bars in {colour}: {len(found)} in the picture, {len(expected)} in the page"):
            continue
        check(all(abs(f - e) <= 1 for f, e in zip(found_lengths, expected)),
              f"bars in {colour}: lengths {found_lengths} in the picture, {expected} in the page")
        check(len({b[0] for b in found[:len(expected)]}) == 1, f"bars in {colour} do not start at one x")
    dependency = [b[2] for b in bars_of_colour(rows, DEPENDENCY_BAR, 14)]
    sizes = [int(a["data-bytes"]) for tag, a in page.shapes["bars-1"] if tag == "g" and a.get("data-kind") == "dependency"]
    if check(len(dependency) >= 2 and len(sizes) >= 2, "fewer than 2 dependency bars"):
        check(dependency[0] == max(dependency[:len(sizes)]), "the largest dependency's bar is not the longest")
        for length, size in zip(dependency[1:len(sizes)], sizes[1:]):
            want = dependency[0] * size / sizes[0]
            check(abs(length - want) <= 2, f"a bar of {length} px for {size} bytes; expected {want:.1f} px")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: check_report.py LAMBDA_LINT_HTML_FIXTURE")
    fixture = sys.argv[1]
    chromium = chromium_binary()
    version = subprocess.run([chromium, "--version"], capture_output=True, text=True, check=False).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="lambda-lint-html-") as work:
        page_path, again_path = os.path.join(work, "report.html"), os.path.join(work, "again.html")
        for path in (page_path, again_path):
            subprocess.run([fixture, path], check=True)
        with open(page_path, "rb") as f:
            data = f.read()
        with open(again_path, "rb") as f:
            check(f.read() == data, "two runs wrote different pages")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            sys.exit(f"check_report.py: FAIL: the page is not valid UTF-8: {e}")
        page = parse_page(text)
        check_static(text, page)

        url = "file://" + page_path
        dom, dom_time = run_chromium(chromium, work, "dom", url, "--dump-dom")
        check_dom(dom.decode("utf-8", "replace"))
        shot = os.path.join(work, "report.png")
        _, shot_time = run_chromium(chromium, work, "screenshot", url, f"--screenshot={shot}")
        if not os.path.exists(shot):
            sys.exit("check_report.py: FAIL: chromium wrote no screenshot")
        started = time.monotonic()
        with open(shot, "rb") as f:
            check_picture(f.read(), page)
        decode_time = time.monotonic() - started
        if failures and os.environ.get("LAMBDA_LINT_KEEP_REPORT"):
            keep = os.environ["LAMBDA_LINT_KEEP_REPORT"]
            os.makedirs(keep, exist_ok=True)
            shutil.copy(page_path, keep)
            shutil.copy(shot, keep)
    print(f"{version}: dump-dom {dom_time:.1f} s, screenshot {shot_time:.1f} s, picture checks {decode_time:.1f} s")
    if failures:
        for message in failures:
            print(f"check_report.py: FAIL: {message}", file=sys.stderr)
        print("(set LAMBDA_LINT_KEEP_REPORT=DIR to keep the page and the screenshot)", file=sys.stderr)
        return 1
    print("check_report.py: the HTML report renders as expected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
