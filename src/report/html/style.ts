/**
 * The report's inline stylesheet: screen layout (charts beside their tables, scrolling table boxes)
 * and print rules (A4, no scroll boxes, a page per section, the wide tables on landscape pages).
 */
export const REPORT_STYLE = `
:root{color-scheme:light}
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;margin:0 auto;max-width:1280px;padding:1.5rem 2rem 4rem;color:#1d1d1d;line-height:1.45}
h1{font-size:1.7rem;margin:0 0 .25rem}h2{font-size:1.25rem;margin:2.2rem 0 .6rem;border-bottom:1px solid #ddd;padding-bottom:.25rem}h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
.meta{color:#555;margin:0 0 1rem}
nav ol{columns:2;font-size:.95rem}
.kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(210px,1fr));gap:.6rem;margin:1rem 0}
.kpi{border:1px solid #ddd;border-radius:6px;padding:.55rem .7rem}.kpi b{display:block;font-size:1.15rem}.kpi span{color:#555;font-size:.85rem}
.figure{display:grid;grid-template-columns:minmax(0,640px) minmax(0,1fr);gap:1.2rem;align-items:start;margin:.8rem 0 1.4rem}
.figure svg{max-width:100%;height:auto;border:1px solid #eee}
.data{max-height:330px;overflow:auto;border:1px solid #eee}
@media (max-width:1000px){.figure{grid-template-columns:1fr}}
table{border-collapse:collapse;font-size:.85rem;width:100%}
th,td{padding:.22rem .5rem;border-bottom:1px solid #eee;text-align:right;white-space:nowrap}
th{background:#f6f6f6;position:sticky;top:0}
td:first-child,th:first-child{text-align:left}
td.text,th.text{text-align:left;white-space:normal}
.pass{color:#1b5e20;font-weight:600}.fail{color:#b71c1c;font-weight:700}.skip{color:#666}
.warning{background:#fff8e1;border-left:4px solid #f9a825;padding:.4rem .7rem;margin:.3rem 0}
.memo p{max-width:60rem}
.illustrative{background:#fdecea;border-left:4px solid #c62828;padding:.4rem .7rem}
code{font-size:.85em;word-break:break-all}
footer{margin-top:3rem;color:#666;font-size:.85rem}
.exec dl{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1rem;margin:.6rem 0}.exec dt{font-weight:700}.exec dd{margin:0}
.signoff td{height:2.2rem;min-width:9rem;border-bottom:1px solid #999}
@page{size:A4;margin:14mm 12mm}
@page wide{size:A4 landscape}
@media print{
body{max-width:none;padding:0;font-size:10pt}
nav{display:none}
section{break-before:page}section#executive{break-before:auto;break-after:page}section#summary{break-before:auto}
h2,h3{break-after:avoid}
.data{max-height:none;overflow:visible;border:0}
.figure{display:block}.figure svg{max-width:100%;break-inside:avoid}
table{font-size:7.5pt;table-layout:auto}
th{position:static;white-space:normal}
td{white-space:normal;overflow-wrap:anywhere}
tr{break-inside:avoid}thead{display:table-header-group}
section#scenarios,section#audit{page:wide}
.kpi,.warning,.illustrative{break-inside:avoid}
}
`;
