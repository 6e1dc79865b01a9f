// bilingual_book: typeset every formula of the book at build time (MathJax 3 in Node, SVG output),
// so that readers' browsers load no MathJax at all. Reads {"id": [tex, display]} as JSON on
// stdin, writes {"css": "...", "math": {"id": "<mjx-container…>"}} on stdout.
// NODE_PATH must hold the book's pinned node_modules (_vendor/node_modules).
const chunks = [];
process.stdin.on("data", (c) => chunks.push(c));
process.stdin.on("end", async () => {
  const jobs = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const MathJax = await require("mathjax").init({
    loader: {load: ["input/tex", "output/svg"]},
    tex: {packages: {"[+]": ["ams"]}},
    svg: {fontCache: "local"},
  });
  const adaptor = MathJax.startup.adaptor;
  const out = {};
  const failed = {};
  for (const [id, [tex, display]] of Object.entries(jobs)) {
    try {
      const node = MathJax.tex2svg(tex, {display: display});
      const html = adaptor.outerHTML(node);
      if (html.includes("data-mjx-error") || html.includes('data-mml-node="merror"')) failed[id] = tex;
      out[id] = html;
    } catch (e) {
      failed[id] = tex + ": " + e.message;
    }
  }
  const css = adaptor.textContent(MathJax.svgStylesheet());
  process.stdout.write(JSON.stringify({css: css, math: out, failed: failed}));
});
