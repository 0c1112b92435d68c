import type { CategoryCoverage } from '../../api/types.ts';
import { formatCount, formatRate } from '../../format.ts';

/** Share of unseen values from which a category is reported as shifted. */
export const UNSEEN_WARNING_SHARE = 0.05;

/**
 * A category looks shifted when many local values fall outside the learned levels
 * and clearly more than in the model's own training data (where rare values were
 * pooled as "other" too).
 */
export function isShifted(c: CategoryCoverage, share = UNSEEN_WARNING_SHARE): boolean {
  return c.valued > 0 && c.unseenShare >= share && c.unseenShare > (c.trainingShare ?? 0) + share;
}

/** One sentence per category feature with many more local values outside the learned levels than in training. */
export function unseenWarnings(coverage: readonly CategoryCoverage[], share = UNSEEN_WARNING_SHARE): { feature: string; text: string }[] {
  return coverage
    .filter((c) => isShifted(c, share))
    .sort((a, b) => b.unseenShare - a.unseenShare)
    .map((c) => ({
      feature: c.feature,
      text: `${c.feature} (column ${c.column}): ${formatRate(c.unseenShare)} of ${formatCount(c.valued)} local values are not among the levels the model learned${c.trainingShare === null ? '' : `, against ${formatRate(c.trainingShare)} in its training data`}.`,
    }));
}

/** Per category feature: local appointments with a value and the share outside the levels the bundle's model learned. */
export function CoverageTable({ coverage }: { coverage: readonly CategoryCoverage[] }) {
  return (
    <section className="card chart-card" aria-labelledby="coverage-title">
      <h3 id="coverage-title">Category coverage</h3>
      <p className="hint">
        Local values of each category feature outside the levels the model learned (too rare in its training data, or new here); they count as "other". A warning is shown above when the share is at least{' '}
        {formatRate(UNSEEN_WARNING_SHARE, 0)} and that much above the share in the model's training data.
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
                <th scope="col" className="num">
                  In training
                </th>
              </tr>
            </thead>
            <tbody>
              {coverage.map((c) => (
                <tr key={c.feature} className={isShifted(c) ? 'flag' : undefined}>
                  <th scope="row">{c.feature}</th>
                  <td>{c.column}</td>
                  <td className="num">{formatCount(c.valued)}</td>
                  <td className="num">
                    {formatRate(c.unseenShare)}
                    {isShifted(c) && (
                      <>
                        {' '}
                        <span className="tag tag-warning">check</span>
                      </>
                    )}
                  </td>
                  <td className="num">{c.trainingShare === null ? 'not recorded' : formatRate(c.trainingShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
