// Interactive charts: each .story-chart carries its Vega-Lite spec in a <script type="application/json">.
// Runs on first load and after every instant navigation (Material's document$);
// the static SVGs stay visible until the interactive chart has rendered.
function isDark() {
  return document.body.getAttribute("data-md-color-scheme") === "slate";
}

function renderCharts() {
  if (typeof window.vegaEmbed !== "function") return;
  const scheme = isDark() ? "dark" : "light";
  document.querySelectorAll(".story-chart").forEach((figure) => {
    if (figure.dataset.rendered === scheme) return;
    const target = figure.querySelector(".story-chart__interactive");
    let spec;
    try {
      spec = JSON.parse(figure.querySelector("script.story-chart__spec").textContent);
    } catch (error) {
      return; // the static picture stays
    }
    const options = { actions: false, renderer: "svg", tooltip: { theme: scheme } };
    const dark = spec.usermeta && spec.usermeta.darkConfig;
    if (scheme === "dark" && dark) spec.config = Object.assign({}, spec.config, dark); // our colours, not Vega's theme
    window.vegaEmbed(target, spec, options).then(() => {
      figure.dataset.rendered = scheme;
      figure.classList.add("is-interactive");
    }).catch(() => figure.classList.remove("is-interactive"));
  });
}

if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(renderCharts);
}
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", renderCharts);
} else {
  renderCharts();
}
new MutationObserver(renderCharts).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
