// A horizontal bar chart as a hand-written SVG string: no dependency, readable diff in git, renders
// on GitHub. One panel per question, each with its own scale and an optional target line.
//
// renderChart({ title, subtitle, panels: [{ title, unit, target?, targetLabel?, bars: [{ label, value, kind? }] }] })
// `kind` colours a bar by what it is: the measurement a target is judged on ('main', the default),
// a supporting measurement ('secondary') or a what-if that is not the product's number ('whatif').

const WIDTH = 760;
const LABEL_WIDTH = 270;
const VALUE_WIDTH = 70;
const BAR_HEIGHT = 20;
const BAR_GAP = 8;
const PANEL_HEADER = 34;
const PANEL_GAP = 22;
const PLOT_WIDTH = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 20;
const COLORS = { main: '#3b6ea8', secondary: '#9cbfe6', whatif: '#c9ced6' };

function escapeXml(text) {
  return String(text).replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]);
}

function formatValue(value, unit) {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit}`;
}

function renderPanel(panel, top) {
  const values = panel.bars.map((bar) => bar.value).filter((value) => value !== null && Number.isFinite(value));
  // The scale always shows the target line, with some room to the right of the longest bar.
  const max = Math.max(...values, panel.target ?? 0, 1e-9) * 1.15;
  const x = (value) => LABEL_WIDTH + (Math.max(0, value) / max) * PLOT_WIDTH;
  const parts = [`<text x="10" y="${top + 20}" class="panel">${escapeXml(panel.title)}</text>`];
  const barsTop = top + PANEL_HEADER;
  panel.bars.forEach((bar, index) => {
    const y = barsTop + index * (BAR_HEIGHT + BAR_GAP);
    const missing = bar.value === null || !Number.isFinite(bar.value);
    const width = missing ? 0 : x(bar.value) - LABEL_WIDTH;
    parts.push(
      `<text x="${LABEL_WIDTH - 8}" y="${y + 14}" class="label" text-anchor="end">${escapeXml(bar.label)}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" fill="${COLORS[bar.kind ?? 'main']}"/>`,
      `<text x="${(LABEL_WIDTH + width + 6).toFixed(1)}" y="${y + 14}" class="value">${escapeXml(formatValue(bar.value, panel.unit))}</text>`,
    );
  });
  const bottom = barsTop + panel.bars.length * (BAR_HEIGHT + BAR_GAP);
  parts.push(`<line x1="${LABEL_WIDTH}" y1="${barsTop - 4}" x2="${LABEL_WIDTH}" y2="${bottom}" class="axis"/>`);
  if (panel.target !== undefined) {
    const targetX = x(panel.target).toFixed(1);
    parts.push(
      `<line x1="${targetX}" y1="${barsTop - 4}" x2="${targetX}" y2="${bottom}" class="target"/>`,
      `<text x="${targetX}" y="${barsTop - 8}" class="target-label" text-anchor="middle">${escapeXml(panel.targetLabel ?? `target ${formatValue(panel.target, panel.unit)}`)}</text>`,
    );
  }
  return { svg: parts.join('\n  '), height: bottom - top };
}

export function renderChart({ title, subtitle, panels }) {
  const parts = [];
  let top = 56;
  for (const panel of panels.filter((candidate) => candidate.bars.length > 0)) {
    const rendered = renderPanel(panel, top);
    parts.push(rendered.svg);
    top += rendered.height + PANEL_GAP;
  }
  const height = top;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif">
  <style>
    .title { font-size: 16px; font-weight: 600; fill: #1f2328; }
    .subtitle { font-size: 11px; fill: #59636e; }
    .panel { font-size: 13px; font-weight: 600; fill: #1f2328; }
    .label { font-size: 12px; fill: #1f2328; }
    .value { font-size: 12px; fill: #1f2328; }
    .axis { stroke: #8c959f; stroke-width: 1; }
    .target { stroke: #cf222e; stroke-width: 1.5; stroke-dasharray: 4 3; }
    .target-label { font-size: 11px; fill: #cf222e; }
  </style>
  <rect width="100%" height="100%" fill="#ffffff"/>
  <text x="10" y="22" class="title">${escapeXml(title)}</text>
  <text x="10" y="40" class="subtitle">${escapeXml(subtitle)}</text>
  ${parts.join('\n  ')}
</svg>
`;
}
