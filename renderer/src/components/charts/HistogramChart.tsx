import { Bar, BarChart, CartesianGrid, Label, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HistogramBin } from '../../analysis/histogram.ts';
import { COLOURS, TICK } from './palette.ts';
import { legendText } from './legend-text.tsx';

const binLabel = (b: HistogramBin) => `${Math.round(b.lower * 1000) / 10}–${Math.round(b.upper * 1000) / 10}%`;

/** Histogram of predicted risk, DNAs stacked on attended appointments. */
export function HistogramChart({ bins, height = 300, summary }: { bins: HistogramBin[]; height?: number; summary: string }) {
  const data = bins.map((b) => ({ label: binLabel(b), attended: b.attended, dna: b.dna }));
  return (
    <div role="img" aria-label={summary} className="chart-box">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 24, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke={COLOURS.grid} vertical={false} />
          <XAxis dataKey="label" tick={TICK} interval="preserveStartEnd" minTickGap={12}>
            <Label value="Predicted risk" position="insideBottom" offset={-16} fill={COLOURS.text} fontSize={13} />
          </XAxis>
          <YAxis tick={TICK} width={56}>
            <Label value="Appointments" angle={-90} position="insideLeft" style={{ textAnchor: 'middle' }} fill={COLOURS.text} fontSize={13} />
          </YAxis>
          <Tooltip cursor={{ fill: '#E8EDEE' }} />
          <Legend verticalAlign="top" height={28} formatter={legendText} />
          <Bar dataKey="attended" name="Attended" stackId="a" fill={COLOURS.attended} isAnimationActive={false} />
          <Bar dataKey="dna" name="Did not attend" stackId="a" fill={COLOURS.dna} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
