import type { CategoryCoverage } from '../../api/types.ts';
import { formatCount, formatRate } from '../../format.ts';

/** Share of unseen values from which a category is reported as shifted. */
export const UNSEEN_WARNING_SHARE = 0.05;

/** One sentence per category feature with many local values outside the levels the model learned. */
export function unseenWarnings(coverage: readonly CategoryCoverage[], share = UNSEEN_WARNING_SHARE): { feature: string; text: string }[] {
  return coverage
    .filter((c) => c.valued > 0 && c.unseenShare >= share)
    .sort((a, b) => b.unseenShare - a.unseenShare)
    .map((c) => ({ feature: c.feature, text: `${c.feature} (column ${c.column}): ${formatRate(c.unseenShare)} of ${formatCount(c.valued)} local values are not among the levels the model learned.` }));
}

/** Per category feature: local appointments with a value and the share outside the levels the bundle's model learned. */
export function CoverageTable({ coverage }: { coverage: readonly CategoryCoverage[] }) {
  return (
    <section className="card chart-card" aria-labelledby="coverage-title">
      <h3 id="coverage-title">Category coverage</h3>
      <p className="hint">
        Local values of each category feature outside the levels the model learned (too rare in its training data, or new here); they count as "other". From{' '}
        {formatRate(UNSEEN_WARNING_SHARE, 0)}, a warning is shown above.
      </p>
      {coverage.length === 0 ? (
        <p>The model has no category features.</p>
      ) : (
        <div className="table-wrap">
          <table className="compact">
            <caption className="visually-hidden">Category values outside the learned levels, by feature</caption>
            <thead>
              <tr>
                <th scope="col">Feature</th>
                <th scope="col">Column</th>
                <th scope="col" className="num">
                  Local values
                </th>
                <th scope="col" className="num">
                  Not learned
                </th>
              </tr>
            </thead>
            <tbody>
              {coverage.map((c) => (
                <tr key={c.feature} className={c.valued > 0 && c.unseenShare >= UNSEEN_WARNING_SHARE ? 'flag' : undefined}>
                  <th scope="row">{c.feature}</th>
                  <td>{c.column}</td>
                  <td className="num">{formatCount(c.valued)}</td>
                  <td className="num">
                    {formatRate(c.unseenShare)}
                    {c.valued > 0 && c.unseenShare >= UNSEEN_WARNING_SHARE && (
                      <>
                        {' '}
                        <span className="tag tag-warning">check</span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
