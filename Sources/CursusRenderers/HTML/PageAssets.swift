import Foundation

/// The page's own style and script, inline, and the Content-Security-Policy that allows exactly
/// them (by their SHA-256) and nothing from anywhere: no fonts, images, frames or connections.
enum PageAssets {
    /// Screen and print: the chart scaled to the page's width and kept whole on one page, the
    /// chronology flowing over pages, URLs printed after their links.
    static let style = """

        :root { color: #222222; background: #FFFFFF; font-family: "DejaVu Sans", Verdana, Arial, sans-serif; line-height: 1.45; }
        body { margin: 0; }
        main { max-width: 75rem; margin: 0 auto; padding: 1.5rem; }
        h1 { font-size: 1.6rem; margin: 0 0 0.4rem; }
        h2 { font-size: 1.25rem; margin: 2rem 0 0.6rem; border-bottom: 1px solid #BBBBBB; }
        h3 { font-size: 1rem; margin: 1.2rem 0 0.3rem; }
        .person, .as-of { margin: 0.2rem 0; }
        .as-of { color: #555555; }
        a { color: #1A4F8B; }
        a:focus-visible, .chart [tabindex]:focus-visible { outline: 3px solid #1A4F8B; outline-offset: 2px; }
        .chart-figure { margin: 0; overflow-x: auto; }
        .chart { display: block; max-width: 100%; height: auto; }
        .chart a:focus-visible .bar-body, .chart a:hover .bar-body { stroke: #000000; stroke-width: 2; }
        .filters { border: 1px solid #BBBBBB; margin: 0 0 0.8rem; padding: 0.3rem 0.8rem; }
        .filters label { display: inline-block; margin-right: 1.2rem; }
        .filters .swatch { vertical-align: -1px; margin: 0 0.3rem; }
        table.career { border-collapse: collapse; width: 100%; }
        .career th, .career td { text-align: left; vertical-align: top; padding: 0.25rem 0.6rem 0.25rem 0; border-bottom: 1px solid #E2E2E2; }
        .career th[scope="row"] { font-weight: normal; }
        .career .dates { white-space: nowrap; }
        ol.entries { list-style: none; padding: 0; margin: 0; }
        .entry { display: grid; grid-template-columns: 9.5rem 1fr; gap: 0.8rem; padding: 0.15rem 0.3rem; }
        .entry time { color: #555555; }
        .entry:target, .entry.selected { background: #FFF3C4; }
        .entry-event .text { color: #8A0000; }
        .cite { font-size: 0.75em; }
        ol.notes li { margin: 0.3rem 0; }
        .url { word-break: break-all; }
        .tooltip { position: absolute; z-index: 1; max-width: 22rem; padding: 0.35rem 0.55rem; background: #222222; color: #FFFFFF;
          font-size: 0.8rem; border-radius: 3px; white-space: pre-line; pointer-events: none; }
        main .filtered-out { display: none; }
        @page { margin: 15mm; }
        @page chart { size: landscape; }
        @media print {
          main { max-width: none; padding: 0; }
          .filters, .tooltip { display: none; }
          #chart, .title-block:has(+ #chart) { page: chart; }
          .chart-figure { overflow: visible; break-inside: avoid; }
          .chart { width: 100%; height: auto; max-height: 150mm; }
          h2, h3 { break-after: avoid; }
          .entry, .career tr, ol.notes li { break-inside: avoid; }
          a { color: inherit; }
          a[href^="http"]::after, a[href^="mailto"]::after { content: " <" attr(href) ">"; word-break: break-all; }
        }

        """

    /// Tooltips on hover and keyboard focus, the category filters, and a bar's link lighting its
    /// chronology entries. Nothing here loads anything; without it the page reads the same.
    static let script = """

        (function () {
          "use strict";
          var tip = document.createElement("div");
          tip.className = "tooltip";
          tip.id = "chart-tooltip";
          tip.setAttribute("role", "tooltip");
          tip.hidden = true;
          document.body.appendChild(tip);
          function show(mark) {
            tip.textContent = mark.getAttribute("data-tooltip");
            tip.hidden = false;
            var box = mark.getBoundingClientRect();
            tip.style.left = Math.max(0, window.scrollX + box.left) + "px";
            tip.style.top = (window.scrollY + box.bottom + 6) + "px";
          }
          function hide() { tip.hidden = true; }
          document.querySelectorAll(".chart [data-tooltip]").forEach(function (mark) {
            var title = mark.querySelector("title");
            if (title) { mark.removeChild(title); }
            mark.setAttribute("aria-describedby", "chart-tooltip");
            mark.addEventListener("mouseenter", function () { show(mark); });
            mark.addEventListener("focus", function () { show(mark); });
            mark.addEventListener("mouseleave", hide);
            mark.addEventListener("blur", hide);
          });
          document.addEventListener("keydown", function (event) { if (event.key === "Escape") { hide(); } });
          document.querySelectorAll(".chart a.bar").forEach(function (bar) {
            bar.addEventListener("click", function () {
              var tenure = bar.getAttribute("data-tenure");
              document.querySelectorAll(".entry").forEach(function (entry) {
                entry.classList.toggle("selected", entry.getAttribute("data-tenure") === tenure);
              });
            });
          });
          var filters = document.querySelector(".filters");
          if (!filters) { return; }
          filters.hidden = false;
          filters.addEventListener("change", function () {
            var hidden = {};
            filters.querySelectorAll("input").forEach(function (box) { if (!box.checked) { hidden[box.value] = true; } });
            document.querySelectorAll("main [data-category]").forEach(function (item) {
              item.classList.toggle("filtered-out", hidden[item.getAttribute("data-category")] === true);
            });
            document.querySelectorAll("#chronology .year").forEach(function (year) {
              year.classList.toggle("filtered-out", !year.querySelector(".entry:not(.filtered-out)"));
            });
          });
        }());

        """

    /// Nothing from anywhere; the inline style and script by their hashes.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src '\(hash(style))'; script-src '\(hash(script))'; img-src 'none'; "
        + "base-uri 'none'; form-action 'none'"

    /// The CSP source for an inline block: `sha256-` and the base64 of its UTF-8 bytes' SHA-256.
    static func hash(_ text: String) -> String { "sha256-" + Data(SHA256.digest(Array(text.utf8))).base64EncodedString() }
}
