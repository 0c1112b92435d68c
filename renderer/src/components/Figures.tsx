/** One headline figure. */
export interface Figure {
  label: string;
  value: string;
  note?: string;
  /** Smaller type for long values such as date ranges, so they stay on one line. */
  small?: boolean;
}

/** Headline figures in a row of tiles, as a description list. */
export function Figures({ items, label }: { items: Figure[]; label: string }) {
  return (
    <dl className="figures" aria-label={label}>
      {items.map((f) => (
        <div className="figure" key={f.label}>
          <dt>{f.label}</dt>
          <dd>
            <span className={f.small ? 'figure-value small' : 'figure-value'}>{f.value}</span>
            {f.note && <span className="figure-note">{f.note}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
