import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { ExtractField, ImportReport, MappingFile, ProgressEvent } from '../../../core/api/index.ts';
import { browserStore, keepMapping } from '../analysis/mapping-memory.ts';
import { call, onProgress, pickFile, uploadFile } from '../api/client.ts';
import { FileChooser } from '../components/FileChooser.tsx';
import { Figures } from '../components/Figures.tsx';
import { PreviewCard, type PreviewStart } from '../components/import/PreviewCard.tsx';
import { startPreview } from '../components/import/preview-start.ts';
import { Notice } from '../components/Notice.tsx';
import { useFocusAfter } from '../components/use-focus-after.ts';
import { datasetNameFromFile, formatCount, formatDate, formatRate } from '../format.ts';

type Step =
  | { kind: 'choose' }
  | { kind: 'uploading'; name: string }
  | { kind: 'previewing'; name: string }
  | { kind: 'preview'; name: string; start: PreviewStart; serial: number }
  | { kind: 'importing'; name: string; start: PreviewStart; serial: number }
  | { kind: 'done'; report: ImportReport };

/** The Import screen: choose an extract, check and edit the column mapping, import it, read the report. */
export function ImportScreen({ onImported }: { onImported(dataset: string): void }) {
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [dataset, setDataset] = useState('');
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const nameId = useId();
  const reportHeading = useRef<HTMLHeadingElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const errorBox = useRef<HTMLDivElement>(null);
  // Each file chosen gets a fresh editor, even the same file chosen again.
  const serial = useRef(0);
  // The control that started a step disappears with it; focus follows to what the step produced.
  useFocusAfter(step.kind, () => (step.kind === 'done' ? reportHeading.current : step.kind === 'preview' && !error ? previewHeading.current : null));
  useFocusAfter(error, () => errorBox.current);

  useEffect(() => onProgress((e) => e.operation === 'import.run' && setProgress(e)), []);

  async function preview(path: string, name: string) {
    setStep({ kind: 'previewing', name });
    const start = await startPreview(path, browserStore());
    setDataset(datasetNameFromFile(name));
    setStep({ kind: 'preview', name, start, serial: (serial.current += 1) });
  }

  async function guard(action: () => Promise<void>) {
    setError(null);
    try {
      await action();
    } catch (err) {
      setError((err as Error).message);
      setStep((s) => (s.kind === 'importing' ? { ...s, kind: 'preview' } : s.kind === 'uploading' || s.kind === 'previewing' ? { kind: 'choose' } : s));
    }
  }

  const onBrowserFile = (file: File | undefined) =>
    file &&
    guard(async () => {
      setStep({ kind: 'uploading', name: file.name });
      await preview(await uploadFile(file), file.name);
    });

  const onPick = () =>
    guard(async () => {
      const path = await pickFile();
      if (path) await preview(path, path.replace(/^.*[\\/]/, ''));
    });

  const runImport = (s: Extract<Step, { kind: 'preview' }>, mapping: MappingFile, headers: readonly string[], detected: Partial<Record<ExtractField, string>>) =>
    guard(async () => {
      setProgress(null);
      setStep({ ...s, kind: 'importing' });
      const report = await call('import.run', { file: s.start.preview.file, dataset: dataset.trim() || undefined, mapping });
      // A weekly extract of the same layout then opens with this mapping.
      keepMapping(browserStore(), headers, mapping, detected);
      setStep({ kind: 'done', report });
    });

  const busy = step.kind === 'uploading' || step.kind === 'previewing' || step.kind === 'importing';

  return (
    <>
      <div className="screen-head">
        <div>
          <h1>Import</h1>
          <p className="lede">Bring in an outpatient appointment extract (CSV, tab or pipe delimited). Patient identifiers are replaced by keyed hashes as they are read.</p>
        </div>
      </div>
      {error && (
        <div ref={errorBox} tabIndex={-1} className="focus-target">
          <Notice kind="error" title="That did not work">
            {error}
          </Notice>
        </div>
      )}

      <section className="card" aria-labelledby="choose-title">
        <h2 id="choose-title">1. Choose an extract</h2>
        <FileChooser
          label="Extract file"
          buttonText="Choose file…"
          hint="The file is copied to a temporary folder on this computer and nowhere else."
          accept=".csv,.txt,.tsv,.psv,text/csv,text/plain"
          busy={busy}
          onPick={() => void onPick()}
          onFile={(file) => void onBrowserFile(file)}
        />
        {step.kind === 'uploading' && <p role="status">Uploading {step.name}…</p>}
        {step.kind === 'previewing' && <p role="status">Reading the first rows of {step.name}…</p>}
      </section>

      {(step.kind === 'preview' || step.kind === 'importing') && (
        <PreviewCard
          key={step.serial}
          name={step.name}
          headingRef={previewHeading}
          start={step.start}
          dataset={dataset}
          nameId={nameId}
          onDataset={setDataset}
          importing={step.kind === 'importing'}
          progress={progress}
          onImport={(mapping, headers, detected) => step.kind === 'preview' && void runImport(step, mapping, headers, detected)}
        />
      )}

      {step.kind === 'done' && (
        <ReportCard
          report={step.report}
          headingRef={reportHeading}
          onView={() => onImported(step.report.dataset)}
          onAnother={() => setStep({ kind: 'choose' })}
        />
      )}
    </>
  );
}

function ReportCard({
  report,
  headingRef,
  onView,
  onAnother,
}: {
  report: ImportReport;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onView(): void;
  onAnother(): void;
}) {
  return (
    <section className="card" aria-labelledby="report-title">
      <h2 id="report-title" ref={headingRef} tabIndex={-1} className="focus-target">
        Import report
      </h2>
      <Figures
        label="Import figures"
        items={[
          { label: 'Rows read', value: formatCount(report.rowsRead) },
          { label: 'Rows imported', value: formatCount(report.rowsImported), note: report.rowsUpdated ? `${formatCount(report.rowsUpdated)} updated` : undefined },
          { label: 'Rows rejected', value: formatCount(report.rowsRejected) },
          { label: 'DNA rate', value: formatRate(report.dnaRate) },
        ]}
      />
      <p>
        Dataset <strong>{report.dataset}</strong>, appointments from {formatDate(report.dateRange.from)} to {formatDate(report.dateRange.to)}, read in{' '}
        {report.seconds.toFixed(1)} s.
      </p>
      {report.issues.length > 0 ? (
        <>
          <h3>Issues</h3>
          {report.issueCount > report.issues.length && (
            <p className="hint">
              Showing the first {report.issues.length} of {formatCount(report.issueCount)} issues; all are kept in the workspace.
            </p>
          )}
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col" className="num">Row</th>
                  <th scope="col">Column</th>
                  <th scope="col">Severity</th>
                  <th scope="col">Message</th>
                </tr>
              </thead>
              <tbody>
                {report.issues.map((i, n) => (
                  <tr key={n}>
                    <td className="num">{i.row ?? 'file'}</td>
                    <td>{i.column ? <code>{i.column}</code> : '–'}</td>
                    <td>
                      <span className={`tag tag-${i.severity}`}>{i.severity}</span>
                    </td>
                    <td>{i.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p>No issues found.</p>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onView}>
          View the profile of {report.dataset}
        </button>
        <button type="button" className="button-secondary" onClick={onAnother}>
          Import another file
        </button>
      </div>
    </section>
  );
}
