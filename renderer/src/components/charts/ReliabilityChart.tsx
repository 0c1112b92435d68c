import { CartesianGrid, ComposedChart, ErrorBar, Label, Legend, ReferenceLine, ResponsiveContainer, Scatter, XAxis, YAxis } from 'recharts';
import type { CalibrationBin } from '../../api/types.ts';
import { COLOURS, TICK, percentTick } from './palette.ts';
import { legendText } from './legend-text.tsx';

interface Props {
  bins: CalibrationBin[];
  name: string;
  overlay?: { bins: CalibrationBin[]; name: string };
  height?: number;
  summary: string;
}

interface Point {
  x: number;
  y: number;
  /** Distances below and above y of the 95% Wilson interval. */
  ci: [number, number];
}

const points = (bins: CalibrationBin[]): Point[] =>
  bins.filter((b) => b.n > 0).map((b) => ({ x: b.predicted, y: b.observed, ci: [b.observed - b.observedCi[0], b.observedCi[1] - b.observed] }));

/** Reliability diagram: observed DNA rate against mean predicted risk per bin, with 95% CIs, beside the diagonal. */
export function ReliabilityChart({ bins, name, overlay, height = 300, summary }: Props) {
  const main = points(bins);
  const second = overlay ? points(overlay.bins) : [];
  const top = Math.min(1, Math.max(0.05, ...main.map((p) => p.y + p.ci[1]), ...main.map((p) => p.x), ...second.map((p) => p.y + p.ci[1]), ...second.map((p) => p.x)) * 1.1);
  const domain: [number, number] = [0, Math.ceil(top * 20) / 20];
  return (
    <div role="img" aria-label={summary} className="chart-box">
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart margin={{ top: 8, right: 16, bottom: 24, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke={COLOURS.grid} />
          <XAxis type="number" dataKey="x" domain={domain} tick={TICK} tickFormatter={percentTick}>
            <Label value="Mean predicted risk" position="insideBottom" offset={-16} fill={COLOURS.text} fontSize={13} />
          </XAxis>
          <YAxis type="number" dataKey="y" domain={domain} tick={TICK} tickFormatter={percentTick} width={52}>
            <Label value="Observed DNA rate" angle={-90} position="insideLeft" style={{ textAnchor: 'middle' }} fill={COLOURS.text} fontSize={13} />
          </YAxis>
          <ReferenceLine
            segment={[
              { x: 0, y: 0 },
              { x: domain[1], y: domain[1] },
            ]}
            stroke={COLOURS.reference}
            strokeDasharray="4 4"
          />
          <Scatter name={name} data={main} fill={COLOURS.main} line={{ stroke: COLOURS.main, strokeWidth: 2 }} isAnimationActive={false}>
            <ErrorBar dataKey="ci" direction="y" width={6} stroke={COLOURS.main} />
          </Scatter>
          {overlay && (
            <Scatter name={overlay.name} data={second} fill={COLOURS.overlay} shape="diamond" line={{ stroke: COLOURS.overlay, strokeWidth: 2, strokeDasharray: '6 3' }} isAnimationActive={false}>
              <ErrorBar dataKey="ci" direction="y" width={6} stroke={COLOURS.overlay} />
            </Scatter>
          )}
          {overlay && <Legend verticalAlign="top" height={28} formatter={legendText} />}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
