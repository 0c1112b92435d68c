import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { RankedFeature } from '../../api/types.ts';
import { COLOURS, TICK } from './palette.ts';

/** Horizontal bars of feature importance, largest first. */
export function ImportanceChart({ features, label, summary }: { features: RankedFeature[]; label: (name: string) => string; summary: string }) {
  const data = features.map((f) => ({ name: label(f.feature), importance: Number(f.importance.toPrecision(4)) }));
  return (
    <div role="img" aria-label={summary} className="chart-box">
      <ResponsiveContainer width="100%" height={Math.max(200, data.length * 26 + 40)}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke={COLOURS.grid} horizontal={false} />
          <XAxis type="number" tick={TICK} />
          <YAxis type="category" dataKey="name" width={210} tick={TICK} interval={0} />
          <Bar dataKey="importance" name="Importance" fill={COLOURS.main} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
