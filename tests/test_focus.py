"""Keyboard use in headless Chromium: every Tab stop is something the reader sees, with a focus outline that stands out.

WCAG 2.4.7 and 2.4.11 (issue 23): at 768×1024 Material's navigation drawer is closed, and its links must not take
Tab presses while nobody can see them; every focusable control shows an outline at least 2 px wide whose colour has
at least 3:1 contrast against what it is drawn on (computed here from the colours the browser reports).
"""

from __future__ import annotations

import re

import pytest

from .conftest import OpenPage

pytestmark = pytest.mark.browser

TABLET, LAPTOP = (768, 1024), (1366, 768)

# Whether the focused element is one the reader sees: rendered, not transparent, inside the window, and the topmost
# thing at its centre (not covered, not clipped away by a closed panel). Material's panels slide in and fade, so the
# check waits for running transitions to end first.
FOCUSED = """async () => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => setTimeout(resolve, 60));  // Material answers focus in a later task (its search opens)
  for (let rounds = 0; rounds < 10; rounds++) {  // one transition may start another (Material's search closing)
    await frame();
    const running = document.getAnimations();
    if (!running.length) break;
    await Promise.all(running.map((animation) => animation.finished.catch(() => null)));
  }
  const el = document.activeElement;
  if (!el || el === document.body) return {what: 'nothing', seen: false};
  const r = el.getBoundingClientRect();
  const what = `${el.tagName.toLowerCase()} ${(el.textContent || el.getAttribute('aria-label') || el.name || '').trim().slice(0, 40)}`;
  const inWindow = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
  if (!inWindow || !el.checkVisibility({opacityProperty: true, visibilityProperty: true})) return {what, seen: false};
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1), y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  return {what, seen: Boolean(hit) && (el.contains(hit) || hit.closest('label')?.control === el)};
}"""

# Every control a Tab press can reach on the page, focused in turn (after one real Tab press, Chromium shows
# :focus-visible for script focus too), with its outline and the colour behind the outline: the first element
# with a background at a point just outside the control, where the outline is drawn.
OUTLINES = """async () => {
  const tabbable = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]';
  const controls = [...document.querySelectorAll(tabbable)].filter((el) => el.tabIndex >= 0 && !el.disabled
    && el.checkVisibility({opacityProperty: true, visibilityProperty: true}) && el.getClientRects().length);
  const backdrop = (x, y) => {
    const layers = [];
    for (const under of document.elementsFromPoint(x, y)) {
      const colour = getComputedStyle(under).backgroundColor;
      layers.push(colour);
      if (!/rgba\\(.*, 0\\)$/.test(colour) && !/rgba\\(.*, 0\\.\\d+\\)$/.test(colour)) break;
    }
    return layers;
  };
  const found = [];
  for (const el of controls) {
    el.focus();
    const style = getComputedStyle(el), r = el.getBoundingClientRect();
    const out = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) / 2;
    const x = Math.min(Math.max(r.left - out, 0), innerWidth - 1), y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
    found.push({
      what: `${el.tagName.toLowerCase()} ${(el.textContent || el.getAttribute('aria-label') || el.name || '').trim().slice(0, 40)}`,
      style: style.outlineStyle, width: parseFloat(style.outlineWidth), colour: style.outlineColor, behind: backdrop(x, y),
    });
  }
  return found;
}"""

RGBA = re.compile(r"rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)")


def rgba(colour: str) -> tuple[float, float, float, float]:
    """A CSS colour as Chromium reports it (``rgb(…)`` or ``rgba(…)``), channels 0–255 and alpha 0–1."""
    found = RGBA.fullmatch(colour)
    assert found, f"not a colour the test reads: {colour}"
    red, green, blue, alpha = found.groups()
    return float(red), float(green), float(blue), float(alpha) if alpha is not None else 1.0


def over(top: str, bottom: tuple[float, float, float]) -> tuple[float, float, float]:
    """``top`` painted over the opaque colour ``bottom``."""
    red, green, blue, alpha = rgba(top)
    return (red * alpha + bottom[0] * (1 - alpha), green * alpha + bottom[1] * (1 - alpha), blue * alpha + bottom[2] * (1 - alpha))


def flatten(layers: list[str]) -> tuple[float, float, float]:
    """Background colours from the topmost down, painted over the page's white: the colour one sees."""
    colour = (255.0, 255.0, 255.0)
    for layer in reversed(layers):
        colour = over(layer, colour)
    return colour


def luminance(colour: tuple[float, float, float]) -> float:
    """WCAG 2's relative luminance."""
    def linear(channel: float) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: tuple[float, float, float], second: tuple[float, float, float]) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_contrast_formula_gives_the_wcag_figures() -> None:
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert contrast(over("rgb(0, 105, 92)", (0, 0, 0)), (255, 255, 255)) == pytest.approx(6.61, abs=0.01)
    assert flatten(["rgba(0, 0, 0, 0.5)"]) == pytest.approx((127.5, 127.5, 127.5))


@pytest.mark.parametrize("address", ["", "beperkt/alle/planning/"], ids=["home", "planning"])
def test_on_a_tablet_the_first_20_tab_presses_land_on_what_the_reader_sees(open_page: OpenPage, site_url: str, address: str) -> None:
    tab = open_page(f"{site_url}/{address}", viewport=TABLET)
    stops = []
    for _ in range(20):
        tab.keyboard.press("Tab")
        stops.append(tab.evaluate(FOCUSED))
    # Past the page's last control, Tab leaves the page for the browser's own bar: nothing is focused, nothing hidden.
    unseen = [f"{number}: {stop['what']}" for number, stop in enumerate(stops, 1) if not stop["seen"] and stop["what"] != "nothing"]
    assert not unseen, f"Tab presses that land on something hidden: {unseen}"


def test_on_a_tablet_the_closed_drawer_opens_from_the_keyboard_and_its_links_are_reachable(open_page: OpenPage, site_url: str) -> None:
    tab = open_page(f"{site_url}/", viewport=TABLET)
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.id") == "__drawer", "the menu button is not the first Tab stop"
    tab.keyboard.press("Space")
    assert tab.evaluate("document.getElementById('__drawer').checked")
    stops = []
    for _ in range(8):
        tab.keyboard.press("Tab")
        stops.append(tab.evaluate(FOCUSED))
    assert all(stop["seen"] for stop in stops), stops
    assert any(stop["what"] == "a Werkprocessen" for stop in stops), stops


def test_a_click_on_the_menu_button_opens_the_drawer(open_page: OpenPage, site_url: str) -> None:
    tab = open_page(f"{site_url}/", viewport=TABLET)
    tab.locator(".md-header label[for=__drawer]").click(force=True)  # a reader's tap where the button is drawn
    tab.get_by_role("link", name="Werkprocessen", exact=True).first.click()
    assert tab.url.endswith("/werkprocessen/")


OUTLINE_PAGES = [("home", "", LAPTOP), ("matrix", "beperkt/alle/matrix/procesoperator/", LAPTOP),
                 ("people index", "beperkt/alle/mensen/", LAPTOP), ("planning", "beperkt/alle/planning/", LAPTOP),
                 ("checklist", "aftekenlijsten/procesoperator-niveau-2/", LAPTOP),
                 ("home, tablet", "", TABLET)]  # the top bar's buttons on a tablet: the drawer's and the search's


@pytest.mark.parametrize(("address", "size"), [pytest.param(a, s, id=name) for name, a, s in OUTLINE_PAGES])
def test_every_control_shows_an_outline_with_3_to_1_contrast_against_its_background(
    open_page: OpenPage, site_url: str, address: str, size: tuple[int, int]
) -> None:
    tab = open_page(f"{site_url}/{address}", viewport=size)
    tab.keyboard.press("Tab")  # from here on Chromium shows the keyboard's focus
    controls = tab.evaluate(OUTLINES)
    assert len(controls) >= 5, controls
    weak = []
    for control in controls:
        behind = flatten(control["behind"])
        ratio = contrast(over(control["colour"], behind), behind)
        if control["style"] == "none" or control["width"] < 2 or ratio < 3:
            weak.append(f"{control['what']}: {control['style']} {control['width']}px {control['colour']} on {behind} = {ratio:.2f}:1")
    assert not weak, f"{len(weak)} of {len(controls)} controls without a clear focus outline:\n" + "\n".join(weak[:15])
