import { Bar, BarChart, CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RateRow } from '../../../core/api/index.ts';
import { formatCount } from '../format.ts';

const NHS_BLUE = '#005EB8';
const GREY = '#4c6272';

interface Props {
  rows: RateRow[];
  /** The dataset's overall DNA rate, drawn as a dashed reference line. */
  overall: number | null;
  formatKey?: (key: string) => string;
  height?: number;
  /** Horizontal bars suit long labels such as specialty names. */
  horizontal?: boolean;
}

interface Point {
  label: string;
  rate: number | null;
  dna: string;
  withOutcome: string;
}

function toPoints(rows: RateRow[], formatKey: (k: string) => string): Point[] {
  return rows.map((r) => ({
    label: formatKey(r.key),
    // Suppressed groups have no rate: they show as gaps, never as zero.
    rate: r.dnaRate === null ? null : Math.round(r.dnaRate * 1000) / 10,
    dna: formatCount(r.dna),
    withOutcome: formatCount(r.withOutcome),
  }));
}

const percent = (v: number) => `${v}%`;

function tooltipFormatter(value: unknown, _name: unknown, item: { payload?: Point }) {
  const p = item.payload;
  const text = value === null || value === undefined ? 'suppressed' : `${String(value)}%`;
  return [p ? `${text} (${p.dna} of ${p.withOutcome})` : text, 'DNA rate'] as [string, string];
}

// The dashed line is explained once above the charts, so it carries no label to collide with bars.
function Reference({ overall }: { overall: number | null }) {
  if (overall === null) return null;
  return <ReferenceLine y={Math.round(overall * 1000) / 10} stroke={GREY} strokeDasharray="4 4" strokeWidth={1.5} ifOverflow="extendDomain" />;
}

/** Said instead of an empty chart when small-number suppression hides every group. */
function AllSuppressed({ rows }: { rows: RateRow[] }) {
  return (
    <p className="hint empty-chart">
      {rows.length === 0 ? 'No data.' : 'Every group has fewer than 10 appointments with an outcome, so no rate is shown. Use “Show as table” for the counts.'}
    </p>
  );
}

/** DNA rate per month as a line. */
export function RateLineChart({ rows, overall, formatKey = (k) => k, height = 260 }: Props) {
  if (rows.every((r) => r.dnaRate === null)) return <AllSuppressed rows={rows} />;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={toPoints(rows, formatKey)} margin={{ top: 16, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid stroke="#d8dde0" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#212b32' }} interval="preserveStartEnd" minTickGap={16} />
        <YAxis tickFormatter={percent} tick={{ fontSize: 12, fill: '#212b32' }} width={48} domain={[0, 'auto']} />
        <Tooltip formatter={tooltipFormatter} />
        <Reference overall={overall} />
        <Line type="monotone" dataKey="rate" name="DNA rate" stroke={NHS_BLUE} strokeWidth={2.5} dot={{ r: 3, fill: NHS_BLUE }} connectNulls={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** DNA rate per group as bars. */
export function RateBarChart({ rows, overall, formatKey = (k) => k, height = 260, horizontal }: Props) {
  if (rows.every((r) => r.dnaRate === null)) return <AllSuppressed rows={rows} />;
  const data = toPoints(rows, formatKey);
  if (horizontal) {
    return (
      <ResponsiveContainer width="100%" height={Math.max(height, data.length * 26 + 40)}>
        <BarChart data={data} layout="vertical" margin={{ top: 16, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#d8dde0" horizontal={false} />
          <XAxis type="number" tickFormatter={percent} tick={{ fontSize: 12, fill: '#212b32' }} domain={[0, 'auto']} />
          <YAxis type="category" dataKey="label" width={190} tick={{ fontSize: 12, fill: '#212b32' }} interval={0} />
          <Tooltip formatter={tooltipFormatter} cursor={{ fill: '#e8edee' }} />
          {overall !== null && <ReferenceLine x={Math.round(overall * 1000) / 10} stroke={GREY} strokeDasharray="4 4" strokeWidth={1.5} ifOverflow="extendDomain" />}
          <Bar dataKey="rate" name="DNA rate" fill={NHS_BLUE} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    );
  }
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} margin={{ top: 16, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid stroke="#d8dde0" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#212b32' }} interval={0} />
        <YAxis tickFormatter={percent} tick={{ fontSize: 12, fill: '#212b32' }} width={48} domain={[0, 'auto']} />
        <Tooltip formatter={tooltipFormatter} cursor={{ fill: '#e8edee' }} />
        <Reference overall={overall} />
        <Bar dataKey="rate" name="DNA rate" fill={NHS_BLUE} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
