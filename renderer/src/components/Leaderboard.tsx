import type { LeaderboardRow } from '../api/types.ts';
import { formatCi, formatCount, formatNumber, formatRate } from '../format.ts';

interface Props {
  rows: LeaderboardRow[];
  caption: string;
  onEvaluate?(runId: string): void;
  /** Runs to mark (such as a bundle just validated). */
  highlight?: readonly string[];
}

/** Models and baselines ranked by holdout AUC with 95% CIs; baselines stand out in italics and a tag. */
export function Leaderboard({ rows, caption, onEvaluate, highlight = [] }: Props) {
  if (rows.length === 0) return <p>No trained runs yet.</p>;
  const first = rows[0].metrics;
  return (
    <>
      <p className="hint">
        Test slice: {formatCount(first.n)} appointments, {formatCount(first.events)} DNAs ({formatRate(first.events / first.n)}). An AUC of 0.5 is
        chance. <strong>Not clearly worse</strong>: the 95% CI reaches the best AUC, so the data cannot tell the two apart.
      </p>
      <div className="table-wrap">
        <table className="leaderboard">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Rank
              </th>
              <th scope="col">Model</th>
              <th scope="col" className="num">
                AUC
              </th>
              <th scope="col">95% CI</th>
              <th scope="col" className="num">
                Brier
              </th>
              <th scope="col" className="num">
                Log loss
              </th>
              <th scope="col" className="num">
                Trees
              </th>
              <th scope="col">Compared with the best</th>
              {onEvaluate && <th scope="col">Action</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={`${r.kind}-${r.runId ?? r.name}`}
                className={r.kind === 'baseline' ? 'baseline-row' : r.runId !== null && highlight.includes(r.runId) ? 'highlight-row' : undefined}
              >
                <td className="num">{r.rank}</td>
                <th scope="row">
                  {r.runId !== null && highlight.includes(r.runId) && <span className="tag tag-highlight">this bundle</span>}{' '}
                  {r.kind !== 'model' && <span className="tag tag-neutral">{r.kind === 'baseline' ? 'baseline' : 'imported bundle'}</span>} {r.name}
                  {r.runId && r.runId !== r.name && <span className="run-id">{r.runId}</span>}
                </th>
                <td className="num">
                  <strong>{formatNumber(r.metrics.auc)}</strong>
                </td>
                <td>{formatCi(r.metrics.aucCi)}</td>
                <td className="num">{formatNumber(r.metrics.brier, 4)}</td>
                <td className="num">{formatNumber(r.metrics.logloss, 4)}</td>
                <td className="num">{r.trees ?? '–'}</td>
                <td>{r.rank === 1 ? 'best' : r.notClearlyWorse ? 'not clearly worse' : 'worse'}</td>
                {onEvaluate && (
                  <td>
                    {r.runId && (
                      <button type="button" className="button-secondary small" onClick={() => onEvaluate(r.runId as string)} aria-label={`Evaluate ${r.name}`}>
                        Evaluate
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
