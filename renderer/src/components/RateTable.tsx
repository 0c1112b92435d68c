import type { RateRow } from '../../../core/api/index.ts';
import { formatCount, formatRate } from '../format.ts';

interface Props {
  caption: string;
  keyLabel: string;
  rows: RateRow[];
  formatKey?: (key: string) => string;
}

/** DNA figures per group as a table; suppressed counts read `<10`. */
export function RateTable({ caption, keyLabel, rows, formatKey = (k) => k }: Props) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyLabel}</th>
            <th scope="col" className="num">Appointments</th>
            <th scope="col" className="num">With outcome</th>
            <th scope="col" className="num">DNAs</th>
            <th scope="col" className="num">DNA rate</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{formatKey(r.key)}</th>
              <td className="num">{formatCount(r.appointments)}</td>
              <td className="num">{formatCount(r.withOutcome)}</td>
              <td className="num">{formatCount(r.dna)}</td>
              <td className="num">{formatRate(r.dnaRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
