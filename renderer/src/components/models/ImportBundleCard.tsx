import { useId, useRef, useState } from 'react';
import { call, pickFile, uploadFile } from '../../api/client.ts';
import { FileChooser } from '../FileChooser.tsx';
import type { BundleInspection, BundleValidation, SigningKeyInfo } from '../../api/types.ts';
import { formatDate } from '../../format.ts';
import { Figures } from '../Figures.tsx';
import { MarkdownView } from '../MarkdownView.tsx';
import { Notice } from '../Notice.tsx';
import { useFocusAfter } from '../use-focus-after.ts';
import { BundleFiles } from './BundleFiles.tsx';

interface Props {
  dataset: string | null;
  signingKey: SigningKeyInfo | null;
  onValidated(result: BundleValidation): void;
  /** A new bundle was chosen: earlier results no longer belong to it. */
  onChosen(): void;
}

type Recalibration = 'none' | 'platt' | 'isotonic';
type Step = { kind: 'choose' } | { kind: 'uploading'; name: string } | { kind: 'inspecting'; name: string; path: string } | { kind: 'inspected'; name: string; path: string; inspection: BundleInspection };

/** The trusted-key field as bundle.inspect and bundle.validate take it. */
function trustedKeys(text: string): { trustedKeys?: string[] } {
  const keys = text
    .split(/[\s,]+/)
    .map((k) => k.trim())
    .filter((k) => k !== '');
  return keys.length > 0 ? { trustedKeys: keys } : {};
}

/** Import a bundle: choose it, check its manifest and signature, read its model card, validate it on a local dataset. */
export function ImportBundleCard({ dataset, signingKey, onValidated, onChosen }: Props) {
  const ids = { trusted: useId(), trustedHint: useId(), recal: useId(), recalHint: useId() };
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [trusted, setTrusted] = useState('');
  const [recalibrate, setRecalibrate] = useState<Recalibration>('none');
  const [error, setError] = useState<string | null>(null);
  const [validating, setValidating] = useState(false);
  const inspectedHeading = useRef<HTMLHeadingElement>(null);
  const errorBox = useRef<HTMLDivElement>(null);
  useFocusAfter(step.kind === 'inspected' ? step.inspection : null, () => inspectedHeading.current);
  useFocusAfter(error, () => errorBox.current);

  async function inspect(path: string, name: string) {
    setStep({ kind: 'inspecting', name, path });
    try {
      const inspection = await call('bundle.inspect', { bundle: path, ...trustedKeys(trusted) });
      setStep({ kind: 'inspected', name, path, inspection });
    } catch (err) {
      setError((err as Error).message);
      setStep({ kind: 'choose' });
    }
  }

  async function chooseInBrowser(file: File | undefined) {
    if (!file) return;
    setError(null);
    onChosen();
    setStep({ kind: 'uploading', name: file.name });
    let path: string;
    try {
      path = await uploadFile(file);
    } catch (err) {
      setError((err as Error).message);
      setStep({ kind: 'choose' });
      return;
    }
    await inspect(path, file.name);
  }

  async function chooseInElectron() {
    setError(null);
    const path = await pickFile('bundle').catch((err: unknown) => {
      setError((err as Error).message);
      return null;
    });
    if (!path) return;
    onChosen();
    await inspect(path, path.replace(/^.*[\\/]/, ''));
  }

  async function validate() {
    if (step.kind !== 'inspected' || !dataset || validating) return;
    setError(null);
    setValidating(true);
    try {
      const result = await call('bundle.validate', {
        bundle: step.path,
        dataset,
        ...(recalibrate !== 'none' ? { recalibrate } : {}),
        ...trustedKeys(trusted),
      });
      onValidated(result);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setValidating(false);
    }
  }

  const busy = step.kind === 'uploading' || step.kind === 'inspecting' || validating;
  const inspection = step.kind === 'inspected' ? step.inspection : null;

  return (
    <section className="card" aria-labelledby="import-bundle-title">
      <h2 id="import-bundle-title">Import a bundle and validate it here</h2>
      <p className="hint">
        A bundle from another trust (or from this one). Its files are checked against the manifest's SHA-256 hashes and its signature is verified; nothing in it is run.
      </p>
      <div className="field">
        <label htmlFor={ids.trusted}>Trusted key fingerprint (optional)</label>
        <p className="hint" id={ids.trustedHint}>
          The sender's fingerprint, received by another route. When given, a bundle not signed by that key is refused. Several may be separated by spaces.
        </p>
        <input
          id={ids.trusted}
          type="text"
          className="wide-input"
          value={trusted}
          aria-describedby={ids.trustedHint}
          placeholder="sha256:…"
          spellCheck={false}
          onChange={(e) => setTrusted(e.target.value)}
        />
      </div>
      <FileChooser
        label="Bundle file (.zip)"
        buttonText="Choose bundle…"
        accept=".zip,application/zip"
        busy={busy}
        onPick={() => void chooseInElectron()}
        onFile={(file) => void chooseInBrowser(file)}
      />
      {step.kind === 'uploading' && <p role="status">Copying {step.name} to this computer's temporary folder…</p>}
      {step.kind === 'inspecting' && <p role="status">Checking {step.name}: hashes, signature, model and pipeline…</p>}
      {error && (
        <div ref={errorBox} tabIndex={-1} className="focus-target">
          <Notice kind="error" title="That did not work">
            {error}
          </Notice>
        </div>
      )}

      {step.kind === 'inspected' && inspection && (
        <>
          <h3 ref={inspectedHeading} tabIndex={-1} className="focus-target spaced">
            {inspection.manifest.name} {inspection.manifest.version}
          </h3>
          <Signature inspection={inspection} signingKey={signingKey} trusted={trustedKeys(trusted).trustedKeys ?? []} />
          <Figures
            label="Bundle summary"
            items={[
              { label: 'Created', value: formatDate(inspection.manifest.created), small: true, note: `Attend ${inspection.manifest.app.version}` },
              { label: 'Trees', value: String(inspection.trees), note: `${inspection.columns.length} feature columns` },
              { label: 'Calibration', value: inspection.calibration === 'none' ? 'none' : inspection.calibration, small: true },
              { label: 'Source run', value: inspection.manifest.runId, small: true, note: inspection.manifest.engine.version },
            ]}
          />
          <div className="actions tight">
            <button type="button" className="button-secondary small" aria-disabled={busy} onClick={() => !busy && void inspect(step.path, step.name)}>
              Check again with the trusted key above
            </button>
          </div>
          <BundleFiles manifest={inspection.manifest} caption={`Files in ${step.name}, as its manifest lists them`} />
          <h3 className="spaced">Model card</h3>
          <p className="hint">MODEL_CARD.md from the bundle, shown as text: links and HTML in it are not followed or run.</p>
          <MarkdownView source={inspection.modelCard} shift={3} label="Model card of the bundle (scrollable)" />

          <h3 className="spaced">Validate on local data</h3>
          {dataset ? (
            <>
              <p>
                Scores every attended or missed appointment of <strong>{dataset}</strong> (choose another dataset at the top of the screen) and records the imported model
                in this workspace's journal, so it sits on the leaderboard beside local runs.
              </p>
              <div className="field">
                <label htmlFor={ids.recal}>Recalibrate on local outcomes</label>
                <p className="hint" id={ids.recalHint}>
                  Fitted on the local days before the test slice, never on it; recorded as a second run.
                </p>
                <select id={ids.recal} value={recalibrate} aria-describedby={ids.recalHint} onChange={(e) => setRecalibrate(e.target.value as Recalibration)}>
                  <option value="none">No: keep the bundle's own calibration</option>
                  <option value="platt">Yes, Platt scaling</option>
                  <option value="isotonic">Yes, isotonic regression</option>
                </select>
              </div>
              <button type="button" className="button" aria-disabled={busy} onClick={() => void validate()}>
                Validate on {dataset}
              </button>
              {validating && (
                <p className="loading" role="status">
                  Scoring {dataset} with the bundle's model and measuring it…
                </p>
              )}
            </>
          ) : (
            <p>Import an extract first: validation needs a local dataset with outcomes.</p>
          )}
        </>
      )}
    </section>
  );
}

function Signature({ inspection, signingKey, trusted }: { inspection: BundleInspection; signingKey: SigningKeyInfo | null; trusted: string[] }) {
  const sig = inspection.signature;
  if (!sig.signed) {
    return (
      <Notice kind="warning" title="Unsigned bundle">
        Its files match its manifest, but nothing shows who made it. Ask the sender for a signed bundle and their key fingerprint.
      </Notice>
    );
  }
  const own = signingKey !== null && signingKey.fingerprint === sig.keyFingerprint;
  const checked = trusted.includes(sig.keyFingerprint);
  return (
    <Notice kind="info" title={checked ? 'Signed by a trusted key' : 'Signed'}>
      Signature verified: signed by key <code className="hash">{sig.keyFingerprint}</code>
      {own ? ' (this workspace’s own key)' : ''}.{' '}
      {checked ? 'It matches the trusted fingerprint you gave.' : 'Compare this fingerprint with the one the sender gave you, or type theirs above and check again.'}
    </Notice>
  );
}
