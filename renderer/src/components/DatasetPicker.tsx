import { useEffect, useId } from 'react';
import { useOperation } from '../api/use-operation.ts';
import { formatCount } from '../format.ts';
import { Notice } from './Notice.tsx';

interface Props {
  dataset: string | null;
  onDataset(name: string | null): void;
  /** Changes when the list may have changed. */
  refreshKey?: number;
}

/** The dataset select shared by the screens; picks the first dataset when none is chosen. */
export function DatasetPicker({ dataset, onDataset, refreshKey = 0 }: Props) {
  const id = useId();
  const list = useOperation('datasets.list', {}, `datasets-${refreshKey}`);
  useEffect(() => {
    if (list.state !== 'done') return;
    if (dataset === null || !list.value.some((d) => d.name === dataset)) onDataset(list.value[0]?.name ?? null);
  }, [list, dataset, onDataset]);

  if (list.state === 'failed') return <Notice kind="error" title="Could not list the datasets">{list.error}</Notice>;
  if (list.state !== 'done') return <p className="loading">Loading datasets…</p>;
  if (list.value.length === 0) return <p>No datasets yet: import an extract first.</p>;
  return (
    <div className="field inline">
      <label htmlFor={id}>Dataset</label>
      <select id={id} value={dataset ?? ''} onChange={(e) => onDataset(e.target.value)}>
        {list.value.map((d) => (
          <option key={d.name} value={d.name}>
            {d.name} ({formatCount(d.rows)} rows)
          </option>
        ))}
      </select>
    </div>
  );
}
