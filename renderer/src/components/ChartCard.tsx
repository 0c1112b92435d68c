import { useId, useState, type ReactNode } from 'react';

interface Props {
  title: string;
  /** One line under the title: what the chart shows. */
  description?: string;
  chart: ReactNode;
  table: ReactNode;
  wide?: boolean;
}

/** A chart with a "Show table" toggle that gives the same numbers as a real table. */
export function ChartCard({ title, description, chart, table, wide }: Props) {
  const [showTable, setShowTable] = useState(false);
  const id = useId();
  return (
    <section className={`card chart-card${wide ? ' wide' : ''}`} aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <div>
          <h3 id={`${id}-title`}>{title}</h3>
          {description && <p className="hint">{description}</p>}
        </div>
        <button type="button" className="button-secondary small" aria-expanded={showTable} aria-controls={`${id}-body`} onClick={() => setShowTable((v) => !v)}>
          {showTable ? 'Show chart' : 'Show table'}
        </button>
      </div>
      <div id={`${id}-body`}>{showTable ? table : chart}</div>
    </section>
  );
}
