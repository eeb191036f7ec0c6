// Interactive charts: each .story-chart names its Vega-Lite spec file in data-spec.
// The page loads with the static pictures; Vega (900 KB, its file name written in by the generator) and the
// specs are fetched only after the load event and only where a chart is, then each picture becomes a live chart.
const VEGA_BUNDLE = "vega-bundle-1.9.0.post1.js";
function isDark() {
  return document.body.getAttribute("data-md-color-scheme") === "slate";
}

function renderCharts() {
  if (typeof window.vegaEmbed !== "function") return;
  const scheme = isDark() ? "dark" : "light";
  document.querySelectorAll(".story-chart").forEach((figure) => {
    if (figure.dataset.rendered === scheme) return;
    const target = figure.querySelector(".story-chart__interactive");
    const options = { actions: false, renderer: "svg", tooltip: { theme: scheme } };
    fetch(figure.dataset.spec).then((response) => response.json()).then((spec) => {
      const dark = spec.usermeta && spec.usermeta.darkConfig;
      if (scheme === "dark" && dark) spec.config = Object.assign({}, spec.config, dark); // our colours, not Vega's
      return window.vegaEmbed(target, spec, options);
    }).then(() => {
      figure.dataset.rendered = scheme;
      figure.classList.add("is-interactive");
    }).catch(() => figure.classList.remove("is-interactive")); // the static picture stays
  });
}

function loadVegaThenRender() {
  if (!document.querySelector(".story-chart")) return;
  const loaded = typeof window.vegaEmbed === "function"
    ? Promise.resolve() : import(new URL(VEGA_BUNDLE, import.meta.url).href);
  loaded.then(renderCharts).catch(() => {}); // offline or file://: the static pictures stay
}

if (document.readyState === "complete") {
  loadVegaThenRender();
} else {
  window.addEventListener("load", loadVegaThenRender);
}
new MutationObserver(renderCharts).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
