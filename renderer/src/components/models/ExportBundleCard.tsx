import { useId, useRef, useState } from 'react';
import { bundleFileName, bundlePathProblem, joinPath } from '../../analysis/bundle-path.ts';
import { call } from '../../api/client.ts';
import type { BundleExport, RunSummary, SigningKeyInfo } from '../../api/types.ts';
import { formatBytes, shortFingerprint } from '../../format.ts';
import { Notice } from '../Notice.tsx';
import { RunPicker } from '../RunPicker.tsx';
import { useFocusAfter } from '../use-focus-after.ts';
import { BundleFiles } from './BundleFiles.tsx';

const FOLDER_KEY = 'attend.bundleFolder';

interface Props {
  dataset: string | null;
  /** Runs trained here (imported bundles are not exported again). */
  runs: readonly RunSummary[];
  signingKey: SigningKeyInfo | null;
}

function rememberedFolder(): string {
  try {
    return localStorage.getItem(FOLDER_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Export a run as a bundle: name, version, signature, where to write it; then what was written. */
export function ExportBundleCard({ dataset, runs, signingKey }: Props) {
  const ids = { name: useId(), version: useId(), sign: useId(), signHint: useId(), folder: useId(), file: useId(), folderHint: useId() };
  const [runId, setRunId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [version, setVersion] = useState('1.0.0');
  const [sign, setSign] = useState(true);
  const [folder, setFolder] = useState(rememberedFolder);
  const [fileName, setFileName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<BundleExport | null>(null);
  const resultBox = useRef<HTMLDivElement>(null);
  const errorBox = useRef<HTMLDivElement>(null);
  useFocusAfter(result, () => resultBox.current);
  useFocusAfter(error, () => errorBox.current);

  const chosen = runId !== null && runs.some((r) => r.id === runId) ? runId : (runs[0]?.id ?? null);
  // The file name follows the dataset and version until the analyst types one.
  const file = fileName ?? bundleFileName(dataset, version);
  const target = folder.trim() === '' ? null : joinPath(folder, file.trim());
  const defaultName = dataset ? `Attend DNA model (${dataset})` : 'Attend DNA model';

  async function exportBundle() {
    if (!chosen || busy) return;
    setError(null);
    setResult(null);
    const problem = bundlePathProblem(folder, file);
    if (problem || !target) {
      setError(problem ?? 'Folder: type the folder to save the bundle in');
      return;
    }
    setBusy(true);
    try {
      const written = await call('bundle.export', {
        runId: chosen,
        out: target,
        sign,
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(version.trim() ? { version: version.trim() } : {}),
      });
      try {
        localStorage.setItem(FOLDER_KEY, folder.trim());
      } catch {
        // Storage may be off; the folder is then simply not remembered.
      }
      setResult(written);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="export-bundle-title">
      <h2 id="export-bundle-title">Export a model bundle</h2>
      <p className="hint">
        A zip another trust can use without this app: the model in XGBoost's own format, the feature pipeline, scorers in JavaScript, Python and SQL, the model card and a
        manifest with the SHA-256 of every file. It holds no patient-level rows.
      </p>
      {runs.length === 0 ? (
        <p>No trained runs on this dataset yet: train one first (Train and compare).</p>
      ) : (
        <>
          <div className="picker-row">
            <RunPicker label="Run to export" runs={runs} value={chosen} onChange={setRunId} />
          </div>
          <div className="form-grid">
            <div className="field">
              <label htmlFor={ids.name}>Bundle name</label>
              <input id={ids.name} type="text" value={name} placeholder={defaultName} onChange={(e) => setName(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={ids.version}>Version</label>
              <input id={ids.version} type="text" value={version} onChange={(e) => setVersion(e.target.value)} />
            </div>
          </div>
          <div className="field-group">
            <label className="checkbox" htmlFor={ids.sign}>
              <input id={ids.sign} type="checkbox" checked={sign} aria-describedby={ids.signHint} onChange={(e) => setSign(e.target.checked)} />
              Sign the bundle with this workspace's key
            </label>
            <p className="hint" id={ids.signHint}>
              {signingKey ? (
                <>
                  Key fingerprint <code className="hash">{signingKey.fingerprint}</code>. Send it to the receiving trust by another route (email, phone) so they can check
                  the bundle came from you.
                </>
              ) : (
                'Reading this workspace’s key…'
              )}
            </p>
          </div>
          <div className="form-grid">
            <div className="field">
              <label htmlFor={ids.folder}>Folder</label>
              <input
                id={ids.folder}
                type="text"
                value={folder}
                aria-describedby={ids.folderHint}
                placeholder="e.g. C:\Users\you\Documents\models"
                onChange={(e) => setFolder(e.target.value)}
              />
              <p className="hint" id={ids.folderHint}>
                A folder on this computer; it must exist.
              </p>
            </div>
            <div className="field">
              <label htmlFor={ids.file}>File name</label>
              <input id={ids.file} type="text" value={file} onChange={(e) => setFileName(e.target.value)} />
            </div>
          </div>
          <p className="hint">{target ? <>The bundle will be written to <code>{target}</code>.</> : 'Type a folder to see where the bundle will be written.'}</p>
          <div className="actions">
            <button type="button" className="button" aria-disabled={busy} onClick={() => void exportBundle()}>
              Export bundle
            </button>
          </div>
          {busy && (
            <p className="loading" role="status">
              Writing the bundle: model, scorers, model card and manifest…
            </p>
          )}
        </>
      )}
      {error && (
        <div ref={errorBox} tabIndex={-1} className="focus-target">
          <Notice kind="error" title="The bundle was not written">
            {error}
          </Notice>
        </div>
      )}
      {result && (
        <div ref={resultBox} tabIndex={-1} className="focus-target">
          <Notice kind="info" title="Bundle written">
            <p>
              <code>{result.file}</code> ({result.kind === 'zip' ? 'zip' : 'folder'}, {formatBytes(result.bytes)} of files) from run <code>{result.runId}</code>:{' '}
              {result.manifest.name} {result.manifest.version}.
            </p>
            <p>
              {result.signerFingerprint ? (
                <>
                  Signed by <code className="hash" title={result.signerFingerprint}>{shortFingerprint(result.signerFingerprint)}</code> (this workspace's key).
                </>
              ) : (
                'Unsigned: the receiving trust can check the files are intact, but not who made them.'
              )}
            </p>
          </Notice>
          <BundleFiles manifest={result.manifest} caption="Files in the bundle" />
        </div>
      )}
    </section>
  );
}
