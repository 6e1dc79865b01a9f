"""The built book in a real browser: headless Chromium (Debian's `chromium`, driven through the
Chrome DevTools protocol by Playwright) loads the landing page and a chapter per language over
HTTP, follows the language switch, checks that the ipywidgets render (sliders and their captured
output) from the book's own JavaScript, that the Indonesian search works, and that no page logs a
JavaScript error or asks for anything outside the book (every external request is blocked and
reported). Screenshots go to test-artifacts/. Skipped, with a message, where Chromium is absent."""
from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading

import pytest

from conftest import ROOT, importorfail, missing

HTML = ROOT / "_build" / "html"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

if CHROMIUM is None:
    missing("headless Chromium not found (Debian: apt-get install chromium; .ci/run installs it): "
            "browser tests skipped", allow_module_level=True)
sync_api = importorfail("playwright.sync_api", "make install")
if not (HTML / "index.html").exists():
    missing("no built book in _build/html: run `make book` first (`make test` does)", allow_module_level=True)


def _widget_chapter() -> str:
    """The first Indonesian chapter whose stored widget state renders (e.g. p1-03-perceptron)."""
    for path in sorted((HTML / "book" / "id").glob("p*.html")):
        text = path.read_text(encoding="utf-8")
        state = re.search(r'<script type="application/vnd\.jupyter\.widget-state\+json">(.*?)</script>', text, re.S)
        views = re.findall(r'widget-view\+json">(.*?)</script>', text, re.S)
        if state and views:
            models = json.loads(state.group(1).replace("<\\/", "</"))["state"]
            if any(json.loads(v)["model_id"] in models for v in views):
                return path.stem
    pytest.fail("no chapter with a rendered ipywidget in _build/html/book/id")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(HTML)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


class Tab:
    """A browser tab that records JavaScript errors, failed loads and attempts to leave the book."""

    def __init__(self, browser, base: str, dark: bool = False, width: int = 1280):
        self.base = base
        self.context = browser.new_context(viewport={"width": width, "height": 900},
                                           color_scheme="dark" if dark else "light")
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.external: list[str] = []
        self.page.on("pageerror", lambda exc: self.errors.append(f"uncaught: {exc}"))
        self.page.on("console", self._console)
        self.page.on("response", lambda r: r.status >= 400 and self.errors.append(f"HTTP {r.status}: {r.url}"))
        self.page.route("**/*", self._route)

    def _console(self, message):
        if message.type == "error":
            self.errors.append(f"console.error: {message.text}")

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.base) or url.startswith("data:"):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def open(self, path: str):
        self.page.goto(self.base + path, wait_until="load")
        self.page.wait_for_load_state("networkidle")
        # The theme's keyboard tab stops are set in idle time (_ext/offline_assets/tabstops.py).
        self.page.wait_for_function("document.documentElement.dataset.tabStops !== 'pending'")
        return self.page

    def assert_clean(self):
        assert self.external == [], f"the page asked for something outside the book: {self.external}"
        assert self.errors == [], f"the page logged errors: {self.errors}"

    def screenshot(self, name: str, **kwargs):
        self.page.screenshot(path=str(ARTIFACTS / name), **kwargs)

    def close(self):
        self.context.close()


@pytest.fixture
def tab(browser, server):
    tabs = []

    def make(**kwargs):
        tabs.append(Tab(browser, server, **kwargs))
        return tabs[-1]

    yield make
    for t in tabs:
        t.close()


def _scroll_to_widgets(page):
    """The widget manager loads when a widget comes near the screen: bring each one there."""
    page.evaluate("""async () => {
        for (const v of document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]')) {
            v.parentElement.scrollIntoView();
            await new Promise(r => setTimeout(r, 50));
        }
    }""")


def _wait_for_widgets(page):
    """The widget manager rendered the stored state: sliders and the captured output are shown."""
    _scroll_to_widgets(page)
    page.wait_for_selector(".widget-subarea .widget-slider .noUi-handle", state="visible", timeout=30000)
    page.wait_for_selector(".widget-subarea .widget-output img", state="visible", timeout=30000)
    sliders = page.locator(".widget-subarea .widget-slider").count()
    assert sliders > 0
    return sliders


def test_landing_page(tab):
    t = tab()
    page = t.open("index.html")                      # redirects to the landing page
    page.wait_for_url("**/book/index.html")
    assert page.get_attribute("html", "lang") == "en"
    cards = page.locator(".sd-card")
    assert cards.count() == 2
    assert page.locator('.sd-card[lang="id"]').is_visible() and page.locator('.sd-card[lang="en"]').is_visible()
    t.screenshot("browser-landing.png")
    t.assert_clean()
    page.locator('.sd-card[lang="id"]').click()   # the whole card is the link
    page.wait_for_url("**/book/id/part-1.html")
    assert page.get_attribute("html", "lang") == "id"
    t.assert_clean()


@pytest.mark.parametrize("lang, other", [("id", "en"), ("en", "id")])
def test_chapter_widgets_and_language_switch(tab, lang, other):
    chapter = _widget_chapter()
    t = tab()
    page = t.open(f"book/{lang}/{chapter}.html")
    assert page.get_attribute("html", "lang") == lang
    _wait_for_widgets(page)
    colab = page.locator(f'a[href$="/book/{lang}/{chapter}.ipynb"]')
    assert colab.count() >= 1, "Open in Colab opens the notebook of the page's language"
    t.screenshot(f"browser-{lang}-{chapter}.png")
    page.locator(".widget-subarea").first.scroll_into_view_if_needed()
    t.screenshot(f"browser-{lang}-{chapter}-widget.png")
    t.assert_clean()

    page.locator(".bilingual-switch a").first.click()
    page.wait_for_url(f"**/book/{other}/{chapter}.html")
    page.wait_for_load_state("networkidle")
    assert page.get_attribute("html", "lang") == other
    _wait_for_widgets(page)
    t.screenshot(f"browser-{lang}-to-{other}-{chapter}.png")
    t.assert_clean()


def _widget_pages() -> list[tuple[str, int]]:
    """(page, number of widget outputs) for every page with widgets."""
    out = []
    for path in sorted((HTML / "book").glob("*/p*.html")):
        views = path.read_text(encoding="utf-8").count('<script type="application/vnd.jupyter.widget-view+json">')
        if views:
            out.append((path.relative_to(HTML).as_posix(), views))
    return out


def test_every_widget_renders(tab):
    """Every widget output of every page renders from the stored state (or, where it cannot, the
    page shows the note that sends the reader to Colab)."""
    t = tab()
    pages = _widget_pages()
    assert pages
    for path, views in pages:
        page = t.open(path)
        _scroll_to_widgets(page)
        page.wait_for_function(
            """n => document.querySelectorAll('.widget-subarea > *').length
                 + document.querySelectorAll('p.bilingual-widget-note').length >= n""",
            arg=views, timeout=30000)
        rendered = page.locator(".widget-subarea > *").count()
        notes = page.locator("p.bilingual-widget-note").count()
        assert rendered + notes == views, f"{path}: {rendered} widgets + {notes} notes for {views} outputs"
        t.assert_clean()


def test_indonesian_interface_made_by_javascript(tab):
    t = tab()
    page = t.open(f"book/id/{_widget_chapter()}.html")
    page.wait_for_selector(".copybtn", state="attached")
    assert page.locator(".copybtn").first.get_attribute("data-tooltip") == "Salin"
    assert page.locator(".copybtn title").first.text_content() == "Salin ke papan klip"
    assert page.locator(".theme-switch-button").get_attribute("aria-label") == "Mode warna"
    t.assert_clean()


def test_dark_mode(tab):
    chapter = _widget_chapter()
    t = tab(dark=True)
    page = t.open(f"book/id/{chapter}.html")
    assert page.get_attribute("html", "data-theme") == "dark"
    _wait_for_widgets(page)
    page.locator(".widget-subarea").first.scroll_into_view_if_needed()
    t.screenshot(f"browser-id-{chapter}-dark.png")
    # figures keep a light card in dark mode (readable axes and labels): their own background,
    # or the widget's around a figure the widget captured
    backgrounds = page.evaluate("""() => [...document.querySelectorAll('.cell_output img')].map(img =>
        getComputedStyle(img.closest('.widget-subarea') || img).backgroundColor)""")
    assert backgrounds
    for background in backgrounds:
        channels = [int(x) for x in re.findall(r"\d+", background)[:3]]
        assert min(channels) > 180, f"a figure's background in dark mode: {background}"
    t.assert_clean()


def test_search_in_each_language(tab):
    for lang, summary in (("id", "Pencarian selesai"), ("en", "Search finished")):
        t = tab()
        page = t.open(f"book/{lang}/search.html?q=perceptron")
        page.wait_for_selector("#search-results .search-summary", timeout=30000)
        page.wait_for_function("document.querySelector('#search-results .search-summary').innerText.length > 0")
        assert summary in page.inner_text("#search-results .search-summary")
        links = page.eval_on_selector_all("#search-results ul.search a", "els => els.map(a => a.href)")
        assert links, f"no {lang} results for 'perceptron'"
        chapters = [u for u in links if "/book/" in u and not u.split("#")[0].endswith("/book/index.html")]
        assert chapters and all(f"/book/{lang}/" in u for u in chapters), links
        t.screenshot(f"browser-{lang}-search.png")
        t.assert_clean()


def _animation_pages() -> list[tuple[str, int]]:
    """(page, number of watch-it-learn players) for every chapter page with animations."""
    out = []
    for path in sorted((HTML / "book").glob("*/p*.html")):
        n = path.read_text(encoding="utf-8").count('class="animation nn-animation"')
        if n:
            out.append((path.relative_to(HTML).as_posix(), n))
    return out


def test_there_are_animations_in_six_chapters_per_language():
    pages = _animation_pages()
    for lang in ("id", "en"):
        chapters = [p for p, _ in pages if p.startswith(f"book/{lang}/")]
        assert len(chapters) >= 6, f"{lang}: watch-it-learn animations in {chapters}"


@pytest.mark.parametrize("width", [1280, 390])
def test_every_animation_plays_in_the_page(tab, width):
    """Each player shows a frame, its slider and its buttons change the frame, play advances it,
    with no request outside the book and no error — on a desktop and on a phone-width screen."""
    t = tab(width=width)
    pages = _animation_pages()
    assert pages
    for path, n in pages:
        page = t.open(path)
        players = page.locator(".nn-animation")
        assert players.count() == n
        for i in range(n):
            player = players.nth(i)
            player.scroll_into_view_if_needed()
            img = player.locator("img")
            # frames are image files of the book, loaded once the player comes near the screen
            page.wait_for_function("img => img.src.includes('/_images/anim/')", arg=img.element_handle(), timeout=10000)
            first = img.get_attribute("src")
            slider = player.locator("input.anim-slider")
            last = int(slider.get_attribute("max"))
            assert last >= 5, f"{path}: player {i} has only {last + 1} frames"
            slider.fill(str(last))
            slider.dispatch_event("input")
            assert img.get_attribute("src") != first, f"{path}: the slider does not change the frame"
            player.locator("button").nth(1).click()          # first frame
            assert img.get_attribute("src") == first
            player.locator("button").nth(5).click()          # play
            page.wait_for_function("s => parseInt(s.value) > 0", arg=slider.element_handle(), timeout=10000)
            player.locator("button").nth(4).click()          # pause
            box = img.bounding_box()
            assert box["width"] <= width, f"{path}: the frame is wider than the screen"
            if i == 0:
                t.screenshot(f"browser-anim-{width}-{path.replace('/', '-')}.png")
        t.assert_clean()


# -- phone-first: accessibility (axe-core), no sideways scrolling, quizzes, offline copy --------

AXE = ROOT / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"
AXE_PAGES = ["book/index.html"] + [f"book/{lang}/{name}.html" for lang in ("id", "en") for name in
                                   ("p1-03-perceptron", "p1-07-first-neural-network", "p2-07-mnist",
                                    "p3-05-cnn-mnist", "glossary")]
#: axe's default rules (WCAG 2 A/AA and best practices) plus the experimental rule that a control's
#: name contains its visible text (the collapsed cells' "Toggle hidden content" broke it).
AXE_RUN = """async () => {
  const r = await axe.run(document, {rules: {'label-content-name-mismatch': {enabled: true}},
                                     resultTypes: ['violations']});
  return r.violations.filter(v => v.impact === 'critical' || v.impact === 'serious')
    .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')
              + (v.nodes.length > 3 ? ' (+' + (v.nodes.length - 3) + ')' : ''));
}"""


@pytest.fixture(scope="module")
def axe_source():
    if not AXE.exists():
        missing("axe-core is not installed: run `npm ci` in tests/js (`make test` does)")
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [390, 1280])
def test_no_serious_accessibility_findings(tab, axe_source, width):
    """axe-core (pinned in tests/js) finds no critical or serious problem, widgets rendered."""
    t = tab(width=width)
    found = {}
    for path in AXE_PAGES:
        page = t.open(path)
        if page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count():
            _wait_for_widgets(page)
            page.evaluate("window.scrollTo(0, 0)")
            # Scrolling through the widgets laid out code blocks on the way: let the page measure
            # them (their tab stops) before axe looks, as it does before a reader can tab there.
            page.wait_for_function("document.documentElement.dataset.tabStops !== 'pending'")
            page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        page.add_script_tag(content=axe_source)
        violations = page.evaluate(AXE_RUN)
        if violations:
            found[path] = violations
        t.assert_clean()
    assert found == {}, f"axe at {width} px: {json.dumps(found, indent=1, ensure_ascii=False)}"


def _all_pages() -> list[str]:
    return sorted(p.relative_to(HTML).as_posix() for p in HTML.glob("book/**/*.html"))


def test_no_page_scrolls_sideways_on_a_phone(tab):
    """At 390 px, no page is wider than the screen (wide tables and formulas scroll in their box)."""
    t = tab(width=390)
    wide = []
    for path in _all_pages():
        page = t.open(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            wide.append(f"{path}: {width} px")
    t.screenshot("browser-390-last-page.png")
    assert wide == [], "pages wider than a 390 px phone:\n" + "\n".join(wide)


def test_scrollable_boxes_get_a_cue_and_a_tab_stop(tab):
    """At 390 px, in a long chapter: every code block or output that scrolls sideways can be reached
    with the keyboard (the theme's tab stops, set in idle time), and a wide formula's box shows its
    cue once it is on screen (a ResizeObserver, no forced layout at load)."""
    t = tab(width=390)
    page = t.open("book/en/p2-07-mnist.html")
    assert page.evaluate("document.documentElement.dataset.tabStops") == "done"
    stops = page.evaluate("""() => [...document.querySelectorAll('pre, .cell_output > .output')].map(
        (e) => [e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight, e.tabIndex])""")
    scrollable = [tab_index for wide, tab_index in stops if wide]
    assert len(stops) > 50 and scrollable and all(i == 0 for i in scrollable), stops
    assert all(i == -1 for wide, i in stops if not wide)
    # Code blocks far from the screen are not laid out, and their reserved boxes are the heights
    # they take once laid out (nothing jumps when the reader scrolls to them).
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(100)
    heights = """() => [...document.querySelectorAll('pre[style*="--lines"]')].filter(
        (e) => !e.closest('details:not([open])')).map((e) => [e.offsetHeight,
        e.firstElementChild ? e.firstElementChild.checkVisibility({contentVisibilityAuto: true}) : true])"""
    lazy = page.evaluate(heights)
    page.add_style_tag(content="pre { content-visibility: visible !important; }")
    page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    laid_out = page.evaluate(heights)
    assert sum(not shown for _, shown in lazy) > 20 and all(shown for _, shown in laid_out)
    jumps = [(i, a[0], b[0]) for i, (a, b) in enumerate(zip(lazy, laid_out)) if abs(a[0] - b[0]) > 2]
    assert jumps == [], f"(block, reserved px, laid-out px): {jumps}"
    page = t.open("book/en/p1-06-backpropagation.html")      # formulas both wider and narrower than 390 px
    boxes = page.locator(".nn-scroll")
    assert boxes.count() > 0
    cues = []
    for i in range(boxes.count()):
        box = boxes.nth(i)
        box.scroll_into_view_if_needed()
        page.wait_for_timeout(50)
        wide = box.evaluate("b => b.scrollWidth > b.clientWidth + 1")
        cues.append((wide, "nn-scroll--overflow" in (box.get_attribute("class") or "")))
    assert any(wide for wide, _ in cues) and not all(wide for wide, _ in cues), cues
    assert all(wide == cue for wide, cue in cues), cues
    t.assert_clean()


def _quiz_page(lang: str) -> str:
    return f"book/{lang}/p1-03-perceptron.html"


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_choice_exercise_answers_in_the_page(tab, lang, width):
    """Pick an option: its explanation (from the exercise registry, in the page's language) shows;
    the progress survives a reload and shows on the part page. No kernel, no network."""
    from nn_core.exercises import ChoiceExercise, chapter_exercises

    exercise = next(e for e in chapter_exercises("p1-03-perceptron") if isinstance(e, ChoiceExercise))
    wrong = next(k for k in exercise.options if k != exercise.reference)
    t = tab(width=width)
    page = t.open(_quiz_page(lang))
    form = page.locator(f'form.nn-quiz[data-key="{exercise.key}"]')
    assert form.count() == 1
    form.scroll_into_view_if_needed()
    assert form.locator(".nn-quiz__why:visible").count() == 0
    form.locator(f'input[value="{wrong}"]').check()
    shown = form.locator(".nn-quiz__why:visible")
    assert shown.count() == 1 and exercise.why[wrong][lang][:30] in shown.inner_text()
    form.locator(f'input[value="{exercise.reference}"]').check()
    shown = form.locator(".nn-quiz__why:visible")
    assert shown.count() == 1 and exercise.why[exercise.reference][lang][:30] in shown.inner_text()
    assert "nn-quiz__why--right" in shown.get_attribute("class")
    t.screenshot(f"browser-quiz-{lang}-{width}.png", full_page=False)
    stored = json.loads(page.evaluate(f"localStorage.getItem('nn-quiz:{lang}:p1-03-perceptron')"))
    assert stored[exercise.key]["choice"] == exercise.reference and stored[exercise.key]["right"] is True
    page.reload(wait_until="load")
    form = page.locator(f'form.nn-quiz[data-key="{exercise.key}"]')
    assert form.locator(f'input[value="{exercise.reference}"]').is_checked()
    page = t.open(f"book/{lang}/part-1.html")
    badge = page.locator('.nn-quiz-badge[data-chapter="p1-03-perceptron"]')
    assert badge.is_visible()
    total = badge.get_attribute("data-total")
    assert f"1 {'dari' if lang == 'id' else 'of'} {total}" in badge.inner_text()
    t.screenshot(f"browser-quiz-progress-{lang}-{width}.png")
    t.assert_clean()


def test_every_choice_exercise_is_in_its_page():
    from nn_core.exercises import ChoiceExercise, registry

    choices = [e for e in registry() if isinstance(e, ChoiceExercise)]
    assert len(choices) >= 20
    for e in choices:
        for lang in ("id", "en"):
            text = (HTML / "book" / lang / f"{e.chapter}.html").read_text(encoding="utf-8")
            assert f'data-chapter="{e.chapter}" data-key="{e.key}"' in text, f"{lang} {e.chapter} {e.key}: no quiz"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_offline_copy_opens_from_file(browser, tmp_path, lang):
    """The landing page links a zip per language; unzipped, it opens from file:// with its
    styles, formulas, animations and search, without asking for anything outside the folder."""
    import zipfile

    landing = (HTML / "book" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="\.\./(downloads/[^"]+\.zip)"', landing)
    zip_path = next((HTML / x for x in links if x.endswith(f"-{lang}.zip")), None)
    assert zip_path is not None and zip_path.exists(), f"the landing page links no {lang} zip: {links}"
    with zipfile.ZipFile(zip_path) as z:
        z.extractall(tmp_path)
    (folder,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    failed = []
    # (a request cut short by the next navigation, such as a favicon, is not a missing file)
    page.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED" and failed.append(f"{r.url} {r.failure}"))
    page.on("pageerror", lambda e: failed.append(f"error: {e}"))
    page.goto((folder / "index.html").as_uri())
    page.wait_for_url(f"**/book/{lang}/**")
    page.goto((folder / "book" / lang / "p1-03-perceptron.html").as_uri(), wait_until="load")
    assert page.evaluate("getComputedStyle(document.querySelector('.bd-header')).display") != "inline"
    assert page.locator("mjx-container svg").count() > 0
    player = page.locator(".nn-animation").first
    player.scroll_into_view_if_needed()
    page.wait_for_function("img => img.src.includes('/_images/anim/') && img.naturalWidth > 0",
                           arg=player.locator("img").element_handle(), timeout=10000)
    page.screenshot(path=str(ARTIFACTS / f"browser-offline-{lang}.png"))
    page.goto((folder / "book" / lang / "search.html").as_uri() + "?q=perceptron", wait_until="load")
    page.wait_for_selector("#search-results ul.search a", timeout=30000)
    context.close()
    assert failed == [], f"missing from the offline copy: {failed}"
