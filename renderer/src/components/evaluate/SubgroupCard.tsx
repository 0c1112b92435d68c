import { useId, useState } from 'react';
import type { SubgroupRow } from '../../api/types.ts';
import { formatCount, formatRate, formatWithCi } from '../../format.ts';

/** Discrimination and calibration per subgroup (age, sex, ethnicity, deprivation…), suppressed under 10. */
export function SubgroupCard({ rows }: { rows: SubgroupRow[] }) {
  const variables = [...new Set(rows.map((r) => r.variable))];
  const [variable, setVariable] = useState<string>('');
  const id = useId();
  const shown = variable === '' ? rows : rows.filter((r) => r.variable === variable);
  return (
    <section className="card chart-card wide" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <div>
          <h3 id={`${id}-title`}>Subgroups</h3>
          <p className="hint">Does the model work as well for everyone? Groups with fewer than 10 appointments, DNAs or attendances show no rate.</p>
        </div>
        {variables.length > 1 && (
          <div className="field inline narrow">
            <label htmlFor={id}>Subgroup variable</label>
            <select id={id} value={variable} onChange={(e) => setVariable(e.target.value)}>
              <option value="">All variables</option>
              {variables.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {rows.length === 0 ? (
        <p>No subgroup variables in this run.</p>
      ) : (
        <div className="table-wrap scroll-y" tabIndex={0} role="region" aria-label="Subgroup table">
          <table>
            <caption className="visually-hidden">Metrics by subgroup</caption>
            <thead>
              <tr>
                <th scope="col">Variable</th>
                <th scope="col">Group</th>
                <th scope="col" className="num">
                  Appointments
                </th>
                <th scope="col" className="num">
                  DNAs
                </th>
                <th scope="col" className="num">
                  DNA rate
                </th>
                <th scope="col">AUC (95% CI)</th>
                <th scope="col" className="num">
                  Observed − predicted
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={`${r.variable}-${r.group}`}>
                  <td>{r.variable}</td>
                  <th scope="row">{r.group}</th>
                  <td className="num">{formatCount(r.n)}</td>
                  <td className="num">{formatCount(r.events)}</td>
                  <td className="num">{formatRate(r.dnaRate)}</td>
                  <td>{formatWithCi(r.auc, r.aucCi)}</td>
                  <td className="num">{r.calibrationInTheLarge === null ? '–' : `${(r.calibrationInTheLarge * 100).toFixed(1)} points`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
