import { CartesianGrid, Label, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { COLOURS, TICK } from './palette.ts';
import { legendText } from './legend-text.tsx';

/** One line of a curve chart. */
export interface CurveSeries {
  name: string;
  points: { x: number; y: number }[];
  colour: string;
  dashed?: boolean;
  /** Draw the points as dots too (short series such as calibration bins). */
  dots?: boolean;
}

interface Props {
  series: CurveSeries[];
  xLabel: string;
  yLabel: string;
  xDomain?: [number, number | 'auto'];
  yDomain?: [number | 'auto', number | 'auto'];
  /** The y = x line (ROC chance, perfect calibration). */
  diagonal?: boolean;
  /** A vertical marker, such as the chosen threshold. */
  marker?: { x: number; label: string };
  height?: number;
  tickFormat?: (v: number) => string;
  /** Summary read out instead of the drawing; the numbers are in the table view. */
  summary: string;
}

/** Line chart of one or more curves on numeric axes (ROC, precision-recall, decision curve). */
export function CurveChart({ series, xLabel, yLabel, xDomain = [0, 1], yDomain = [0, 1], diagonal, marker, height = 300, tickFormat, summary }: Props) {
  return (
    <div role="img" aria-label={summary} className="chart-box">
      <ResponsiveContainer width="100%" height={height}>
        <LineChart margin={{ top: 8, right: 16, bottom: 24, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke={COLOURS.grid} />
          <XAxis type="number" dataKey="x" domain={xDomain} tick={TICK} tickFormatter={tickFormat} allowDuplicatedCategory={false} allowDataOverflow>
            <Label value={xLabel} position="insideBottom" offset={-16} fill={COLOURS.text} fontSize={13} />
          </XAxis>
          <YAxis type="number" domain={yDomain} tick={TICK} tickFormatter={tickFormat} width={52} allowDataOverflow>
            <Label value={yLabel} angle={-90} position="insideLeft" style={{ textAnchor: 'middle' }} fill={COLOURS.text} fontSize={13} />
          </YAxis>
          {diagonal && (
            <ReferenceLine
              segment={[
                { x: 0, y: 0 },
                { x: 1, y: 1 },
              ]}
              stroke={COLOURS.reference}
              strokeDasharray="4 4"
              ifOverflow="hidden"
            />
          )}
          {marker && <ReferenceLine x={marker.x} stroke={COLOURS.text} strokeWidth={1.5} label={{ value: marker.label, position: 'top', fill: COLOURS.text, fontSize: 12 }} />}
          {series.map((s) => (
            <Line
              key={s.name}
              data={s.points}
              dataKey="y"
              name={s.name}
              type="linear"
              stroke={s.colour}
              strokeWidth={2.5}
              strokeDasharray={s.dashed ? '6 3' : undefined}
              dot={s.dots ? { r: 3, fill: s.colour } : false}
              isAnimationActive={false}
            />
          ))}
          {series.length > 1 && <Legend verticalAlign="top" height={28} formatter={legendText} />}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
