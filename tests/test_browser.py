"""The built site in a real headless Chromium (Debian's, driven by Playwright)."""

from __future__ import annotations

import functools
import http.server
import threading
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlparse

import pytest

from generators.pipeline import build_site, generate

from .conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PAGES = ["index.html", "timeline.html", "figures.html", "actors.html", "views.html", "disagreements.html",
         "sources/index.html"]


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium: `make test` installs it (apt-get install chromium); never `playwright install`")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def serve(folder: Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def seeds_site(seeds_build):
    server, url = serve(seeds_build[2])
    yield url
    server.shutdown()


class Watch:
    """Console errors, dialogs and requests that leave the site, for one page."""

    def __init__(self, page, base: str):
        self.errors, self.outside, self.dialogs = [], [], []
        host = urlparse(base).netloc
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

        def route(r):
            if urlparse(r.request.url).netloc not in (host, "") and not r.request.url.startswith(("data:", "blob:")):
                self.outside.append(r.request.url)
                return r.abort()
            return r.continue_()

        page.route("**/*", route)


def open_page(browser, url, width=1280, scheme="light"):
    page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
    watch = Watch(page, url)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, watch


def test_every_page_loads_cleanly_and_stays_on_the_site(browser, seeds_site):
    for name in PAGES:
        page, watch = open_page(browser, seeds_site + name)
        assert watch.errors == [] and watch.outside == [], name
        page.close()


def test_charts_render_in_light_and_dark_after_following_a_link(browser, seeds_site):
    """Links are full page loads (no instant navigation, which needs a site_url): a value set on the first
    page is gone on the second, and the charts still draw there."""
    page, watch = open_page(browser, seeds_site + "index.html")
    page.evaluate("window.beforeTheLink = 1")
    page.locator("article a[href$='timeline.html']").first.click()
    page.wait_for_selector(".story-chart.is-interactive svg .mark-symbol path", timeout=15000)
    assert page.evaluate("location.pathname").endswith("timeline.html")
    assert page.evaluate("typeof window.beforeTheLink") == "undefined"
    page.click("label[for='__palette_1']")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.wait_for_function("document.querySelector('.story-chart').dataset.rendered === 'dark'", timeout=15000)
    assert page.locator(".story-chart svg .mark-symbol path").count() > 0
    assert watch.errors == [] and watch.outside == []


def test_search_finds_an_actor(browser, seeds_site, seeds_build):
    person = next(a for a in seeds_build[0].story.actors if a.kind == "person")
    page, _ = open_page(browser, seeds_site + "index.html")
    page.locator("input.md-search__input").click()
    page.keyboard.type(person.name.split()[-1], delay=30)  # Material searches on key events, not on fill()
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    links = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    assert any("actors.html" in link for link in links)


def to_dark(page):
    page.click("label[for='__palette_1']")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")


def test_no_serious_accessibility_violation_in_light_or_dark(browser, seeds_site, seeds_build):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()  # axe-core ships inside the package: nothing is downloaded
    article = seeds_build[0].story.articles[0].source
    for name in [*PAGES, "sources/" + article.replace(".", "-") + ".html"]:
        page, _ = open_page(browser, seeds_site + name)
        for scheme in ("light", "dark"):
            if scheme == "dark":
                to_dark(page)
            violations = [(v["id"], [n["target"] for n in v["nodes"]][:3])
                          for v in axe.run(page).response["violations"] if v["impact"] in ("serious", "critical")]
            assert violations == [], (name, scheme)
        page.close()


MARKS = "svg .mark-symbol path, svg .mark-rect path, svg .mark-line path, svg .mark-text text"


def test_every_chart_is_drawn_with_marks_in_light_and_dark(browser, seeds_site):
    drawn = 0
    for name in PAGES:
        page, watch = open_page(browser, seeds_site + name)
        figures = page.locator(".story-chart")
        for scheme in ("light", "dark"):
            if scheme == "dark":
                to_dark(page)
            page.wait_for_function(f"[...document.querySelectorAll('.story-chart')].every("
                                   f"f => f.dataset.rendered === '{scheme}')", timeout=15000)
            for i in range(figures.count()):
                assert figures.nth(i).locator(".story-chart__interactive").locator(MARKS).count() > 0, (name, i)
        drawn += figures.count()
        assert watch.errors == [], name
        page.close()
    assert drawn >= 6, "timeline, series, comparison, voices, disagreements and coverage charts"


def test_article_text_cannot_inject_script(browser, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "hostile.html").write_text(
        "<html><head><title>Council Votes On The New Budget</title><script>alert('head')</script></head><body>"
        "<p>The council voted on Tuesday, March 4, 2025 to pass the budget.</p>"
        "<p>Critics wrote <img src=x onerror=alert('img')> and [click](javascript:alert('md')) today.</p>"
        "<p>&lt;script&gt;alert('text')&lt;/script&gt; appeared in the minutes on March 5, 2025.</p>"
        "<p>A member said \"{{ config }} and {% include 'x' %} are not code here\" on March 6, 2025.</p>"
        "<iframe src='https://example.com'></iframe></body></html>")
    (seeds / "plain.txt").write_text("Budget Talks Continue In The Council\n\nThe mayor said on March 4, 2025 that "
                                     "talks would go on. <b onmouseover=alert(1)>bold</b> !!! note {: .x } ended.\n")
    generate(seeds, tmp_path / "content")
    build_site(ROOT / "mkdocs.yml", tmp_path / "content", tmp_path / "site")
    server, url = serve(tmp_path / "site")
    try:
        for name in ["index.html", "timeline.html", "sources/hostile-html.html", "sources/plain-txt.html", "views.html"]:
            page, watch = open_page(browser, url + name)
            assert watch.dialogs == [] and watch.outside == [] and watch.errors == [], name
            assert page.locator("article iframe, article b[onmouseover], article img[src='x']").count() == 0
            page.close()
        page, _ = open_page(browser, url + "sources/hostile-html.html")
        text = page.inner_text("article")
        assert "<script>alert('text')</script>" in text and "{{ config }}" in text
    finally:
        server.shutdown()


def test_a_hostile_title_never_runs_as_script(browser, tmp_path):
    """A title reaches front matter, <title>, the header, meta tags and footnotes: each escaped for where it lands."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    def body(n: int) -> str:  # a different text per file, or the copies would be skipped as duplicates
        return f"The council voted on March {n}, 2025 to pass budget number {n}, officials said.\n"

    (seeds / "first-line.txt").write_text(f"Budget <img src=x onerror=alert('txt')> Vote Passes\n\n{body(1)}")
    (seeds / "front-matter.md").write_text(
        "---\ntitle: \"Budget \\\"><svg onload=alert('fm')> Vote\"\npublished: 2025-03-04\n---\n" + body(2))
    (seeds / "page.html").write_text(
        "<html><head><title>&lt;img src=x onerror=alert('html')&gt; Budget</title></head><body><article>"
        f"<p>{body(3)}</p></article></body></html>")
    (seeds / "plain.txt").write_text(f"Budget Talks Go On\n\n{body(4)}")
    (seeds / "sources.yml").write_text("plain.txt:\n  title: \"</title><script>alert('yml')</script>\"\n")
    generate(seeds, tmp_path / "content")
    build_site(ROOT / "mkdocs.yml", tmp_path / "content", tmp_path / "site")
    server, url = serve(tmp_path / "site")
    try:
        pages = ["index.html", "timeline.html", "sources/index.html"] + [
            f"sources/{name.replace('.', '-')}.html" for name in ("first-line.txt", "front-matter.md", "page.html",
                                                                   "plain.txt")]
        for name in pages:
            for base in (url, (tmp_path / "site").as_uri() + "/"):
                page, watch = open_page(browser, base + name)
                assert watch.dialogs == [], (base, name, watch.dialogs)  # file:// refuses module scripts: no errors check
                assert page.locator("img[src='x'], svg[onload], [onerror]").count() == 0, (base, name)
                page.close()
        page, _ = open_page(browser, url + "sources/plain-txt.html")
        assert "</title><script>alert('yml')</script>" in page.title()
        assert page.locator("meta[property='og:title']").get_attribute("content").startswith("</title><script>")
        page.close()
    finally:
        server.shutdown()


TEXT_OUTSIDE_ITS_CHART = """() => [...document.querySelectorAll('.story-chart')].flatMap(f => {
  const box = f.getBoundingClientRect();
  return [...f.querySelectorAll('.story-chart__interactive svg text')]
    .filter(t => t.getAttribute('opacity') !== '0' && getComputedStyle(t).opacity !== '0')  // labels Vega hid
    .map(t => [t.textContent.trim(), t.getBoundingClientRect()])
    .filter(([s, r]) => s && r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1))
    .map(([s, r]) => `${f.id}: "${s}" at ${Math.round(r.left)}-${Math.round(r.right)}, chart ${Math.round(box.left)}-${Math.round(box.right)}`);
})"""


# WCAG contrast of each chart text against what lies under its centre: the mark it is drawn on, else the page.
CHART_TEXT_UNDER_4_5 = r"""() => {
  const rgb = c => { const m = (c || '').match(/rgba?\(([^)]+)\)/); if (!m) return null; const v = m[1].split(',').map(Number); return v.length > 3 && v[3] === 0 ? null : v.slice(0, 3); };
  const lum = v => v.map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; }).reduce((s, x, i) => s + x * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const pageBackground = el => { for (let e = el; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c) return c; } return [255, 255, 255]; };
  const bad = [];
  document.querySelectorAll('.story-chart__interactive svg').forEach(svg => {
    const shapes = [...svg.querySelectorAll('path, rect')];
    svg.querySelectorAll('text').forEach(t => {
      const r = t.getBoundingClientRect(), fill = rgb(getComputedStyle(t).fill);
      if (!t.textContent.trim() || !r.width || !fill || t.getAttribute('opacity') === '0') return;
      const x = r.left + r.width / 2, y = r.top + r.height / 2;
      const under = shapes.filter(s => { const b = s.getBoundingClientRect(); return b.left <= x && x <= b.right && b.top <= y && y <= b.bottom && rgb(getComputedStyle(s).fill); }).pop();
      const back = under ? rgb(getComputedStyle(under).fill) : pageBackground(svg);
      const k = ratio(fill, back);
      if (k < 4.5) bad.push(`${svg.closest('figure').id}: "${t.textContent.trim()}" ${k.toFixed(2)}:1`);
    });
  });
  return bad;
}"""

MAIN_PAGES = ["index.html", "timeline.html", "figures.html", "actors.html", "views.html", "disagreements.html",
              "sources/index.html"]


@pytest.mark.parametrize("width,scheme", [(375, "light"), (375, "dark"), (1280, "light"), (1280, "dark")])
def test_charts_are_legible_and_inside_their_box_and_pages_never_scroll_sideways(browser, seeds_site, width, scheme):
    drawn = 0
    for name in MAIN_PAGES:
        page, _ = open_page(browser, seeds_site + name, width=width, scheme=scheme)
        page.wait_for_function(f"[...document.querySelectorAll('.story-chart')].every("
                               f"f => f.dataset.rendered === '{scheme}')", timeout=15000)
        drawn += page.locator(".story-chart").count()
        assert page.evaluate(TEXT_OUTSIDE_ITS_CHART) == [], (name, width, scheme)
        assert page.evaluate(CHART_TEXT_UNDER_4_5) == [], (name, width, scheme)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (name, width, scheme)
        small = page.evaluate("[...document.querySelectorAll('a.footnote-ref')].map(a => a.getBoundingClientRect())"
                              ".filter(r => r.width < 24 || r.height < 24).length")
        assert small == 0, (name, "footnote marks under 24 x 24 px")
        page.close()
    assert drawn >= 6


@pytest.mark.parametrize("width", [375, 1280])
def test_static_pictures_are_drawn_at_the_width_they_are_shown(browser, seeds_site, width):
    """Without JavaScript (or before Vega loads) the static picture is the chart: on a phone it is the narrow
    drawing, never the laptop one scaled to half size with 5 px labels."""
    context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=False)
    shown = 0
    for name in MAIN_PAGES:
        page = context.new_page()
        page.goto(seeds_site + name)
        page.wait_for_load_state("networkidle")
        for src, natural, displayed in page.evaluate(
                "[...document.querySelectorAll('.story-chart__static img')].filter(i => i.clientWidth)"
                ".map(i => [i.currentSrc, i.naturalWidth, i.clientWidth])"):
            shown += 1
            assert displayed >= 0.9 * natural, (name, width, src, natural, displayed)
            assert src.endswith("-narrow.svg") == (width < 600), (name, width, src)
        page.close()
    context.close()
    assert shown >= 4


TAB_STOPS = """() => [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
  .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length
          && getComputedStyle(e).visibility !== 'hidden').length"""
HTML_BUDGET, CHARTLESS_JS_BUDGET, TAB_STOP_BUDGET = 150_000, 300_000, 1_000


def test_main_pages_stay_within_weight_and_tab_stop_budgets(browser, seeds_site, seeds_build):
    """Budgets per main page (printed with -s): HTML under 150 KB, scripts under 300 KB where there is no chart,
    under 1,000 tab stops."""
    site = seeds_build[2]
    for name in MAIN_PAGES:
        page, _ = open_page(browser, seeds_site + name)
        scripts = page.evaluate("[...document.scripts].filter(s => s.src).map(s => new URL(s.src).pathname)")
        js = sum((site / path.lstrip("/")).stat().st_size for path in scripts)
        html, stops = (site / name).stat().st_size, page.evaluate(TAB_STOPS)
        charted = page.locator(".story-chart").count() > 0
        print(f"{name}: HTML {html / 1000:.0f} KB, scripts {js / 1000:.0f} KB, {stops} tab stops")
        assert html < HTML_BUDGET and stops < TAB_STOP_BUDGET, name
        assert charted or js < CHARTLESS_JS_BUDGET, name
        page.close()


def many_small_articles(folder: Path, count: int) -> None:
    """`count` short articles of one story (the issue's folder of thousands, generated, not stored): tolls that
    differ between sources on the same day, a new person quoted in most, towns and days spread over months."""
    first = ["Ana", "Tomas", "Lena", "Omar", "Irene", "Pablo", "Sofia", "Karim", "Marta", "Dario", "Nadia", "Ivo",
             "Rosa", "Felix", "Alma", "Bruno", "Clara", "Emil", "Greta", "Hugo"]
    last = ["Ferreira", "Quinn", "Haddad", "Lopez", "Ladeira", "Moreau", "Santos", "Okafor", "Varga", "Lindqvist",
            "Petrov", "Castel", "Romero", "Abbas", "Novak", "Keller", "Duarte", "Mendes", "Costa", "Baptiste"]
    towns = [a + b for a in ("Porto", "Vila", "Santa", "Monte", "Rio") for b in ("alto", "baixo", "norte", "mar")]
    for n in range(count):
        day = date(2024, 1, 1) + timedelta(days=n % 120)
        person, town = f"{first[n % 20]} {last[n // 20 % 20]}", towns[n % len(towns)]
        (folder / f"{n:05}.txt").write_text(
            f"Floods in {town}, report {n}\n\n{day:%B} {day.day}, {day.year}\n\n"
            f"The floods have killed {40 + n % 7 * 10} people in {town} since January, officials said on "
            f"{day:%A}. Engineer {person} said the dam at {town} would be inspected. \"We need {n % 9 + 2} more "
            f"pumps in {town} before the rains return,\" {person.split()[1]} said. Rescue crews reached "
            f"{n % 30 + 3} villages near {town}.\n", "utf-8")


def test_a_folder_of_thousands_of_articles_keeps_every_main_page_within_its_budgets(browser, tmp_path):
    """The budgets hold whatever the number of articles: long lists are summarised or cut with "N more" that lead
    to the full data."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    many_small_articles(seeds, 3000)
    result = generate(seeds, tmp_path / "content")
    assert len(result.story.articles) == 3000
    build_site(ROOT / "mkdocs.yml", tmp_path / "content", tmp_path / "site")
    server, url = serve(tmp_path / "site")
    try:
        for name in MAIN_PAGES:
            page, watch = open_page(browser, url + name)
            html, stops = (tmp_path / "site" / name).stat().st_size, page.evaluate(TAB_STOPS)
            print(f"3,000 articles, {name}: HTML {html / 1000:.0f} KB, {stops} tab stops")
            assert html < HTML_BUDGET and stops < TAB_STOP_BUDGET, name
            assert watch.errors == [] and watch.outside == [], name
            page.close()
    finally:
        server.shutdown()
