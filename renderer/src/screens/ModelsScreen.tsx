import { useRef, useState } from 'react';
import type { BundleValidation } from '../api/types.ts';
import { useOperation } from '../api/use-operation.ts';
import { DatasetPicker } from '../components/DatasetPicker.tsx';
import { ExportBundleCard } from '../components/models/ExportBundleCard.tsx';
import { ImportBundleCard } from '../components/models/ImportBundleCard.tsx';
import { ValidationResults } from '../components/models/ValidationResults.tsx';
import { Notice } from '../components/Notice.tsx';
import { useFocusAfter } from '../components/use-focus-after.ts';

interface Props {
  dataset: string | null;
  onDataset(name: string | null): void;
}

/** The Models screen: export a run as a bundle for another trust; import one, read its card and validate it on local data. */
export function ModelsScreen({ dataset, onDataset }: Props) {
  const [validation, setValidation] = useState<BundleValidation | null>(null);
  const [journalKey, setJournalKey] = useState(0);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  useFocusAfter(validation, () => resultsHeading.current);

  const runs = useOperation('runs.list', dataset ? { dataset } : null, dataset ? `${dataset}-${journalKey}` : null);
  // Imported models are validated here, not passed on again as this trust's own.
  const local = runs.state === 'done' ? runs.value.filter((r) => !r.kind.startsWith('bundle')) : [];
  const key = useOperation('bundle.signingKey', {}, 'signing-key');
  const signingKey = key.state === 'done' ? key.value : null;

  return (
    <>
      <div className="screen-head">
        <div>
          <h1>Models</h1>
          <p className="lede">Share a model with another trust as a bundle, or check a bundle you received: its signature, its model card, and how well it works on your own data.</p>
        </div>
        <DatasetPicker dataset={dataset} onDataset={onDataset} />
      </div>
      {runs.state === 'failed' && <Notice kind="error">{runs.error}</Notice>}
      {key.state === 'failed' && (
        <Notice kind="error" title="Could not read this workspace's signing key">
          {key.error}
        </Notice>
      )}
      <ExportBundleCard dataset={dataset} runs={local} signingKey={signingKey} />
      <ImportBundleCard
        dataset={dataset}
        signingKey={signingKey}
        onChosen={() => setValidation(null)}
        onValidated={(result) => {
          setValidation(result);
          setJournalKey((k) => k + 1);
        }}
      />
      {validation && <ValidationResults ref={resultsHeading} result={validation} />}
    </>
  );
}
