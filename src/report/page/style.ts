/** The page's style sheet, with one highlight colour per removal reason. */
import { REMOVAL_CODES, type RemovalCode } from '../../record/codes.js';
import { REASON_COLOURS } from './colours.js';

const highlights = (Object.keys(REMOVAL_CODES) as RemovalCode[])
  .map((code) => `mark.r-${code}{background:${REASON_COLOURS[code]}55;border-bottom:2px solid ${REASON_COLOURS[code]}}.swatch.r-${code}{background:${REASON_COLOURS[code]}}`)
  .join('\n');

export const PAGE_STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{background:#1f2a3a;color:#fff;padding:14px 24px}header h1{margin:0;font-size:20px}header p{margin:4px 0 0;color:#c9d3e0}
main{padding:8px 24px 40px;max-width:1400px}
section{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:12px 16px;margin:14px 0}
h2{font-size:16px;margin:0 0 8px}
.notice{background:#fff6d6;border:1px solid #e8d48a;padding:8px 12px;border-radius:4px}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:14px}
table{border-collapse:collapse;width:100%}td,th{padding:3px 8px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
svg{width:100%;height:auto;max-width:560px}svg text{font:12px system-ui,sans-serif;fill:#333}
.legend span{margin-right:14px;white-space:nowrap}.swatch{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:4px;vertical-align:-1px}
.controls{display:flex;gap:8px;flex-wrap:wrap;margin-bottom:8px}.controls input{flex:1;min-width:200px;padding:4px 6px}
.docs{display:grid;grid-template-columns:minmax(300px,2fr) 3fr;gap:14px}
#doc-list td:first-child{word-break:break-all}
.doc-list-box{max-height:560px;overflow:auto;border:1px solid #eee}
#doc-list tr{cursor:pointer}#doc-list tr:hover{background:#f0f4fa}#doc-list tr.chosen{background:#dde8f7}
.status-duplicate td:nth-child(2){color:#8a5a00}.status-skipped td:nth-child(2){color:#a06000}.status-error td:nth-child(2){color:#b00020}
pre{white-space:pre-wrap;word-break:break-word;font:13px/1.5 ui-monospace,Menlo,Consolas,monospace;margin:6px 0}
.doc-text{position:relative;max-height:560px;overflow:auto;background:#fcfcfc;border:1px solid #eee;padding:8px}
.block-text{max-width:800px;margin:0;max-height:6em;overflow:auto}
.muted{color:#777}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:12px;border-top:1px solid #eee;padding-top:6px}.pair h4{margin:4px 0;font-size:13px}
.dup-text{max-height:320px;overflow:auto;background:#fcfcfc;border:1px solid #eee;padding:6px}
del{background:#f8d0d0;text-decoration:line-through}ins{background:#c9efc9;text-decoration:none}
details.cluster{margin:4px 0}details.cluster summary{cursor:pointer}
${highlights}
`;
