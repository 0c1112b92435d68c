import { useId, useState, type ReactNode } from 'react';

interface Props {
  title: string;
  /** One line under the title: what the chart shows. */
  description?: string;
  chart: ReactNode;
  table: ReactNode;
  wide?: boolean;
  /** Shown above the chart or table in both views (headline figures). */
  lead?: ReactNode;
  /** Controls in the card head beside the toggle (such as a selector). */
  controls?: ReactNode;
}

/** A chart with a "Show as table" toggle that gives the same numbers as a real table. */
export function ChartCard({ title, description, chart, table, wide, lead, controls }: Props) {
  const [showTable, setShowTable] = useState(false);
  const id = useId();
  return (
    <section className={`card chart-card${wide ? ' wide' : ''}`} aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <div>
          <h3 id={`${id}-title`}>{title}</h3>
          {description && <p className="hint">{description}</p>}
        </div>
        <div className="card-controls">
          {controls}
          <button
            type="button"
            className="button-secondary small"
            aria-controls={`${id}-body`}
            // The visible words come first in the name (WCAG 2.5.3), the chart's title tells cards apart.
            aria-label={`${showTable ? 'Show as chart' : 'Show as table'}: ${title}`}
            onClick={() => setShowTable((v) => !v)}
          >
            {showTable ? 'Show as chart' : 'Show as table'}
          </button>
        </div>
      </div>
      {lead}
      <div id={`${id}-body`}>{showTable ? table : chart}</div>
    </section>
  );
}
