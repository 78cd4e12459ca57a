/**
 * A small SVG line chart of our own (no chart library: the page needs three simple charts, and a
 * few dozen lines of SVG cost less than uPlot's ~50 KB). Gaps (null) break the line. Each series
 * has its own colour, dash pattern and marker shape, so lines that coincide (three series at 0,
 * say) stay told apart, also without colour vision. The numbers are also in a table for screen
 * readers.
 */
import { labelWidth, leftMargin, niceTicks } from './chart-scale';

export interface Series {
  name: string;
  values: (number | null)[];
}

interface Props {
  id: string;
  title: string;
  /** The x axis: one label per bucket. */
  labels: string[];
  /** What the labels are ("Day"), the header of the table's first column. */
  labelsName: string;
  series: Series[];
  format: (value: number) => string;
  /** The least top of the y axis (e.g. 1 for a rate); higher data raises it to a nice value above. */
  yMax?: number;
  /** Counts: whole-number ticks only. */
  integer?: boolean;
}

/** The plot's own coordinates; the axis labels sit outside it. */
const WIDTH = 640;
const HEIGHT = 192;
const PAD = { top: 10, right: 8, bottom: 6, left: 8 };
const pct = (value: number, of: number) => `${((value / of) * 100).toFixed(3)}%`;
export const SERIES_COLOURS = ['#2a60c8', '#d9480f', '#2b8a3e', '#9c36b5', '#c2255c', '#0b7285'];
/** Dash patterns, in series order: solid, dashed, dotted, dash-dot, long dash, dense dots. */
export const SERIES_DASHES = ['', '8 4', '2 3', '8 3 2 3', '12 4', '1 2'];
export const SERIES_MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'bar'] as const;
type Marker = (typeof SERIES_MARKERS)[number];

/** A marker centred on (x, y), about 7 px across; hollow shapes let a marker under them show. */
function marker(shape: Marker, x: number, y: number, colour: string, key: number) {
  const r = 3.5;
  const common = { key, class: 'chart__point', stroke: colour, 'stroke-width': 1.5, fill: 'none' };
  switch (shape) {
    case 'circle':
      return <circle {...common} cx={x} cy={y} r={r} fill={colour} />;
    case 'square':
      return <rect {...common} x={x - r} y={y - r} width={2 * r} height={2 * r} />;
    case 'triangle':
      return <path {...common} d={`M${x},${y - r - 1}L${x + r + 1},${y + r}L${x - r - 1},${y + r}Z`} />;
    case 'diamond':
      return <path {...common} d={`M${x},${y - r - 1}L${x + r + 1},${y}L${x},${y + r + 1}L${x - r - 1},${y}Z`} />;
    case 'cross':
      return <path {...common} fill="none" d={`M${x - r},${y - r}L${x + r},${y + r}M${x + r},${y - r}L${x - r},${y + r}`} />;
    case 'bar':
      return <path {...common} fill="none" d={`M${x},${y - r - 1}L${x},${y + r + 1}`} />;
  }
}

export function LineChart({ id, title, labels, labelsName, series, format, yMax, integer = false }: Props) {
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const scale = niceTicks(Math.max(yMax ?? 0, ...all), { integer });
  const tickLabels = scale.ticks.map(format);
  const axisWidth = leftMargin(tickLabels, 0, 12);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (labels.length <= 1 ? plotW / 2 : (i / (labels.length - 1)) * plotW);
  const y = (v: number) => PAD.top + plotH - (v / scale.top) * plotH;
  const labelEvery = Math.max(1, Math.ceil(labels.length / 6));
  // x labels near either end are anchored inside the plot, so a long date is not cut off.
  const anchor = (label: string, at: number) => (at - labelWidth(label) / 2 < 0 ? 'start' : at + labelWidth(label) / 2 > WIDTH ? 'end' : 'middle');
  const style = (index: number) => ({
    colour: SERIES_COLOURS[index % SERIES_COLOURS.length]!,
    dash: SERIES_DASHES[index % SERIES_DASHES.length]!,
    shape: SERIES_MARKERS[index % SERIES_MARKERS.length]!,
  });

  return (
    <figure class="chart" data-testid={id}>
      <figcaption>{title}</figcaption>
      {/* Axis labels are HTML beside and under the SVG, not SVG text: axe cannot check the
          contrast of text drawn over an image, and these must be readable in both themes. */}
      <div class="chart__plot" style={{ gridTemplateColumns: `${axisWidth}px 1fr` }}>
        <div class="chart__y-axis" aria-hidden="true">
          {scale.ticks.map((tick, i) => (
            <span key={tick} class="chart__tick chart__tick--y" data-testid="y-tick" style={{ top: pct(y(tick), HEIGHT) }}>
              {tickLabels[i]}
            </span>
          ))}
        </div>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title`}>
          <title id={`${id}-title`}>{title}</title>
          {scale.ticks.map((tick) => (
            <line key={tick} class="chart__grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
          ))}
          {series.map((s, index) => {
            const { colour, dash, shape } = style(index);
            let path = '';
            let pen = false;
            s.values.forEach((value, i) => {
              if (value === null) {
                pen = false;
                return;
              }
              path += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(value).toFixed(1)}`;
              pen = true;
            });
            return (
              <g key={s.name} data-series={s.name} data-marker={shape}>
                <path d={path} fill="none" stroke={colour} stroke-width="2" stroke-dasharray={dash || undefined} />
                {s.values.map((value, i) => (value === null ? null : marker(shape, x(i), y(value), colour, i)))}
              </g>
            );
          })}
        </svg>
        <div class="chart__x-axis" aria-hidden="true">
          {labels.map((label, i) =>
            i % labelEvery === 0 ? (
              <span key={label} class={`chart__tick chart__tick--${anchor(label, x(i))}`} data-testid="x-tick" style={{ left: pct(x(i), WIDTH) }}>
                {label}
              </span>
            ) : null,
          )}
        </div>
      </div>
      <ul class="chart__legend">
        {series.map((s, index) => {
          const { colour, dash, shape } = style(index);
          return (
            <li key={s.name}>
              <svg class="chart__swatch" viewBox="0 0 28 12" width="28" height="12" aria-hidden="true">
                <path d="M1,6H27" stroke={colour} stroke-width="2" stroke-dasharray={dash || undefined} />
                {marker(shape, 14, 6, colour, 0)}
              </svg>
              {s.name}
            </li>
          );
        })}
      </ul>
      <table class="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{labelsName}</th>
            {series.map((s) => (
              <th key={s.name} scope="col">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((label, i) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {series.map((s) => {
                const value = s.values[i];
                return <td key={s.name}>{value === null || value === undefined ? '—' : format(value)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
