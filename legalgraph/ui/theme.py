"""What every page shares in the browser: the app's CSS (document lists,
the relation diagram, the lineage tree, Streamlit's own English texts
replaced with Vietnamese) and the script that opens a document link in the
same session without reloading the app.

Links in our HTML (``<a class="lg-link" href="van-ban?id=…">``) are plain
anchors: a click is turned into the same in-app navigation Streamlit does
for its own links (push the URL, let the app follow the history change),
so a list of 100 documents costs one HTML element, not 100 widgets, and
opening one does not reload the page. A middle click, Ctrl/⌘-click or a
link without JavaScript still opens the URL as an ordinary link.
"""

from __future__ import annotations

import streamlit as st

__all__ = ["APP_CSS", "NAV_SCRIPT", "install"]

#: Status colours follow :data:`legalgraph.ui.badges.STATE_COLORS`; relation
#: colours :data:`legalgraph.ui.render.RELATION_COLORS`.
APP_CSS = """
<style>
/* Streamlit's upload widget speaks English: its texts are replaced. */
[data-testid="stFileUploaderDropzone"] button p { font-size: 0; }
[data-testid="stFileUploaderDropzone"] button p::after {
  content: "Chọn tệp"; font-size: 0.875rem; }
[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0; }
[data-testid="stFileUploaderDropzoneInstructions"] span::after {
  content: "hoặc kéo thả tệp vào đây · .txt, .docx, .pdf · tối đa 200 MB mỗi tệp";
  font-size: 0.85rem; }
[data-testid="stMainMenu"], [data-testid="stAppDeployButton"] { display: none; }

/* document rows: title link, name, issuer · date, status */
.lg-rows { display: flex; flex-direction: column; gap: 2px; }
.lg-row { padding: 5px 8px; border-radius: 6px; line-height: 1.35; }
.lg-row:hover { background: #f3f5f8; }
.lg-row .lg-title { font-weight: 600; color: #1a4f8b; text-decoration: none; }
.lg-row .lg-title:hover { text-decoration: underline; }
.lg-row .lg-name { color: #222; font-size: 0.92em; display: -webkit-box;
  -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.lg-row .lg-meta { color: #666; font-size: 0.82em; }
.lg-row .lg-note { color: #8a5300; font-size: 0.82em; }
.lg-pill { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 0.78em;
  white-space: nowrap; vertical-align: 1px; }
.lg-more { display: inline-block; margin: 4px 8px; font-size: 0.88em; color: #1a4f8b; }

/* the relation diagram (lược đồ) */
.lg-diagram { display: grid; grid-template-columns: minmax(0, 1fr) minmax(200px, 0.62fr)
  minmax(0, 1fr); gap: 14px; align-items: start; }
@media (max-width: 900px) { .lg-diagram { grid-template-columns: minmax(0, 1fr) !important; } }
.lg-col { display: flex; flex-direction: column; gap: 10px; min-width: 0; }
.lg-colhead { font-size: 0.8em; color: #555; text-transform: uppercase; letter-spacing: .03em;
  border-bottom: 1px solid #ddd; padding-bottom: 3px; }
.lg-centre { position: sticky; top: 3.5rem; border: 2px solid #1a4f8b; border-radius: 10px;
  padding: 12px 14px; background: #f6f9fd; text-align: center; }
.lg-centre .lg-ctitle { font-weight: 700; font-size: 1.08em; }
.lg-centre .lg-cname { margin: 4px 0; font-size: 0.92em; }
.lg-centre .lg-meta { color: #555; font-size: 0.85em; }
.lg-centre .lg-arrows { display: flex; justify-content: space-between; color: #888;
  font-size: 0.78em; margin-top: 8px; }
.lg-group { border: 1px solid #dde2e8; border-left: 4px solid var(--lg-rel, #777);
  border-radius: 8px; background: #fff; }
.lg-group > .lg-ghead { display: flex; justify-content: space-between; align-items: baseline;
  padding: 6px 10px; font-weight: 600; border-bottom: 1px solid #eef0f3; }
.lg-count { background: var(--lg-rel, #777); color: #fff; border-radius: 10px;
  padding: 0 8px; font-size: 0.85em; font-weight: 600; }
.lg-empty { display: flex; flex-wrap: wrap; gap: 6px; }
.lg-empty span { font-size: 0.8em; color: #777; border: 1px dashed #ccc; border-radius: 8px;
  padding: 1px 8px; }

/* the lineage as a layered tree: ancestors above, descendants below, each
   level one step further in (the upward tree is the downward one mirrored) */
.lg-tree ul { list-style: none; margin: 0; padding: 0; }
.lg-tree ul ul, .lg-tree .lg-top { margin-left: 26px; }
.lg-tree li { position: relative; padding: 7px 0 0 22px; }
.lg-tree li::before { content: ""; position: absolute; left: 0; top: 0; bottom: 0;
  border-left: 1.5px solid #9aa5b1; }
.lg-tree li:last-child::before { bottom: auto; height: 27px; }
.lg-tree li::after { content: ""; position: absolute; left: 0; top: 27px; width: 20px;
  border-top: 1.5px solid #9aa5b1; }
.lg-tree li.lg-rootli { padding: 0; }
.lg-tree li.lg-rootli::before, .lg-tree li.lg-rootli::after { display: none; }
.lg-tree.lg-up { transform: scaleY(-1); }
.lg-tree.lg-up .lg-node, .lg-tree.lg-up .lg-hidden { transform: scaleY(-1); }
.lg-node { display: inline-block; border: 1.5px solid #9aa5b1; border-radius: 8px;
  background: #fff; padding: 4px 9px 5px 9px; width: min(430px, 100%); font-size: 0.82em;
  line-height: 1.32; position: relative; vertical-align: top; }
.lg-node.lg-root { border: 2.5px solid #1a4f8b; background: #f6f9fd; font-size: 0.9em; }
.lg-node.lg-seen, .lg-node.lg-cycle { border-style: dashed; background: #fafafa; }
.lg-node .lg-rel { color: #555; font-size: 0.85em; }
.lg-node .lg-ntitle { font-weight: 700; color: #1a4f8b; text-decoration: none; }
.lg-node .lg-nname { color: #333; }
.lg-node .lg-mark { color: #8a5300; }
.lg-hidden { display: inline-block; font-size: 0.8em; color: #555; border: 1px dashed #bbb;
  border-radius: 6px; padding: 2px 8px; background: #fafafa; }
.lg-level { font-size: 0.72em; color: #888; margin: 2px 0; }
.lg-tg { display: none; }
.lg-fold { cursor: pointer; color: #1a4f8b; font-size: 0.95em; user-select: none;
  float: right; margin-left: 8px; }
.lg-tg:checked ~ ul { display: none; }
</style>
"""

#: In-app navigation for our own links (see the module docstring).
NAV_SCRIPT = """
<script>
if (!window.__lgNav) {
  window.__lgNav = true;
  document.addEventListener("click", (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey
        || e.altKey) return;
    const a = e.target.closest && e.target.closest("a.lg-link, a.lg-ref");
    if (!a) return;
    const url = new URL(a.getAttribute("href"), window.location.href);
    if (url.origin !== window.location.origin) return;
    e.preventDefault();
    const here = new URL(window.location.href);
    const elsewhere = url.pathname !== here.pathname
      || url.searchParams.get("id") !== here.searchParams.get("id");
    window.history.pushState({}, "", url.pathname + url.search + url.hash);
    window.dispatchEvent(new PopStateEvent("popstate"));
    if (elsewhere) {  // another document: start at its top (same one: stay put)
      window.scrollTo(0, 0);
      const main = document.querySelector('[data-testid="stMain"]');
      if (main) main.scrollTo(0, 0);
    }
  });
}
</script>
"""


def install() -> None:
    """Put the CSS and the link script on the page (each run: cheap)."""
    st.html(APP_CSS)
    st.html(NAV_SCRIPT, unsafe_allow_javascript=True)
