/**
 * A small SVG line chart of our own (no chart library: the page needs three simple charts, and a
 * few dozen lines of SVG cost less than uPlot's ~50 KB). Gaps (null) break the line. The numbers
 * are also in a table for screen readers.
 */
export interface Series {
  name: string;
  values: (number | null)[];
}

interface Props {
  id: string;
  title: string;
  labels: string[];
  series: Series[];
  format: (value: number) => string;
  /** Fixed top of the y axis (e.g. 1 for a rate); else the data's maximum. */
  yMax?: number;
}

const WIDTH = 640;
const HEIGHT = 220;
const MARGIN = { top: 12, right: 12, bottom: 28, left: 56 };
export const SERIES_COLOURS = ['#2a60c8', '#d9480f', '#2b8a3e', '#9c36b5', '#c2255c', '#0b7285'];

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

export function LineChart({ id, title, labels, series, format, yMax }: Props) {
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const top = yMax ?? niceMax(Math.max(0, ...all));
  const x = (i: number) => MARGIN.left + (labels.length <= 1 ? plotW / 2 : (i / (labels.length - 1)) * plotW);
  const y = (v: number) => MARGIN.top + plotH - (v / top) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * top);
  const labelEvery = Math.max(1, Math.ceil(labels.length / 6));

  return (
    <figure class="chart" data-testid={id}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title`}>
        <title id={`${id}-title`}>{title}</title>
        {ticks.map((tick) => (
          <g key={tick}>
            <line class="chart__grid" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
            <text class="chart__tick" x={MARGIN.left - 6} y={y(tick) + 4} text-anchor="end">
              {format(tick)}
            </text>
          </g>
        ))}
        {labels.map((label, i) =>
          i % labelEvery === 0 ? (
            <text key={label} class="chart__tick" x={x(i)} y={HEIGHT - 8} text-anchor="middle">
              {label}
            </text>
          ) : null,
        )}
        {series.map((s, index) => {
          const colour = SERIES_COLOURS[index % SERIES_COLOURS.length]!;
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
            <g key={s.name} data-series={s.name}>
              <path d={path} fill="none" stroke={colour} stroke-width="2" />
              {s.values.map((value, i) => (value === null ? null : <circle key={i} cx={x(i)} cy={y(value)} r="3" fill={colour} />))}
            </g>
          );
        })}
      </svg>
      <ul class="chart__legend">
        {series.map((s, index) => (
          <li key={s.name}>
            <span class="chart__swatch" style={{ background: SERIES_COLOURS[index % SERIES_COLOURS.length] }} aria-hidden="true" />
            {s.name}
          </li>
        ))}
      </ul>
      <table class="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col" />
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
