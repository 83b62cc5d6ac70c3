// Stylesheet for the HTML report. Only locally installed font families are named: the report
// must not fetch anything, and the CSP would block it anyway.
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1f2328; --muted: #6a7079; --rule: #d9dce1; }
* { box-sizing: border-box; }
body {
  margin: 0 auto; padding: 2.5rem 1.5rem 4rem; max-width: 46rem; color: var(--ink); background: #fff;
  font: 16px/1.55 Charter, 'Iowan Old Style', 'Palatino Linotype', Georgia, Cambria, serif;
}
header, nav, .source, .count, .summary, .memo .label, h1, h2 {
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
}
h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 .3rem; }
.summary { color: var(--muted); margin: 0 0 2rem; font-size: .9rem; }
nav { border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); padding: .5rem 0 1rem; margin-bottom: 2.5rem; }
nav h2 { font-size: 1rem; margin: .5rem 0; }
.toc { list-style: none; margin: 0; padding: 0; font-size: .95rem; }
.toc li { display: flex; justify-content: space-between; gap: 1rem; padding-block: .15rem; }
.toc a { color: inherit; text-decoration: none; }
.toc a:hover { text-decoration: underline; }
.toc .n { color: var(--muted); font-variant-numeric: tabular-nums; }
.swatch {
  display: inline-block; width: .8em; height: .8em; margin-right: .45em; border-radius: 2px;
  border: 1px solid rgba(0, 0, 0, .25); vertical-align: baseline;
}
.sep { color: var(--muted); }
section.code { margin-top: 2.75rem; }
section.code h2 { font-size: 1.3rem; margin: 0 0 .25rem; }
.desc { margin: .25rem 0 .5rem; white-space: pre-line; }
.count { color: var(--muted); font-size: .85rem; margin: 0 0 1rem; }
.excerpt { border-left: 4px solid var(--rule); padding: .1rem 0 .1rem 1rem; margin: 0 0 1.5rem; }
blockquote { margin: 0 0 .4rem; white-space: pre-line; }
.ctx { color: var(--muted); }
mark { color: inherit; padding: .05em .1em; border-radius: 2px; }
.source { font-size: .8rem; color: var(--muted); margin: 0; }
.source .doc { color: var(--ink); font-weight: 600; }
.memo { font-size: .9rem; margin: .4rem 0 0; padding: .4rem .6rem; background: #f6f7f9; border-radius: 3px; white-space: pre-line; }
.memo .label { font-weight: 600; font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin-right: .4em; }
.empty { color: var(--muted); font-style: italic; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@page { margin: 2cm 1.8cm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { break-after: page; border: 0; }
  h2 { break-after: avoid; }
  .excerpt { break-inside: avoid; }
  .memo { background: none; border: 1px solid var(--rule); }
}
`;
