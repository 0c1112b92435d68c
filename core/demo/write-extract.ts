/**
 * Streams a synthetic outpatient extract to disk, block by block, so a million
 * rows need only a few megabytes of memory.
 */
import { open, unlink } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppointmentSimulator, type DemoAppointment } from './appointments.ts';
import { EXTRACT_DATE_ISO } from './calendar.ts';
import { buildClinics } from './clinics.ts';
import { CsvRowWriter } from './csv-row.ts';
import { DEMO_HEADERS } from './headers.ts';
import { MESS_RATES } from './mess-rates.ts';
import { PatientFactory, type DemoPatient } from './patients.ts';
import { createRng } from './rng.ts';

/** What to write. */
export interface DemoExtractOptions {
  out: string;
  rows: number;
  seed: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** What was written. */
export interface DemoExtractSummary {
  file: string;
  rows: number;
  patients: number;
  upcoming: number;
  /** ISO yyyy-mm-dd. */
  extractDate: string;
  /** DNA (3, 7) among rows with an attended or DNA outcome (3, 5, 6, 7). */
  dnaRate: number;
  seconds: number;
}

/** Rows shuffled and written together; also the granularity of cancellation. */
const BLOCK_ROWS = 4096;
const PROGRESS_EVERY = 50_000;

interface BlockRow {
  patient: DemoPatient;
  appointment: DemoAppointment;
  line?: string;
}

/** Writes `rows` data lines (deliberate duplicates included) for `seed`; the same inputs give the same bytes. */
export async function writeDemoExtract(opts: DemoExtractOptions): Promise<DemoExtractSummary> {
  const { rows, seed, signal, onProgress } = opts;
  if (typeof opts.out !== 'string' || opts.out.length === 0) throw new Error('out: an output file is required');
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`rows: must be a whole number of at least 1, got ${rows}`);
  if (!Number.isSafeInteger(seed)) throw new Error(`seed: must be a whole number, got ${seed}`);
  if (signal?.aborted) throw new Error('cancelled');

  const started = performance.now();
  const file = resolve(opts.out);
  // Two streams: the simulation is unchanged when the mess rates change.
  const simRng = createRng(seed);
  const messRng = createRng(simRng.int(0x7fffffff));
  const patients = new PatientFactory(simRng);
  const simulator = new AppointmentSimulator(simRng, buildClinics(simRng));
  const formatter = new CsvRowWriter(messRng);

  const fh = await open(file, 'w');
  let written = 0;
  let patientCount = 0;
  let upcoming = 0;
  let dna = 0;
  let attendedOrDna = 0;
  let nextId = 1;
  let lastProgress = 0;
  try {
    await fh.write(DEMO_HEADERS.join(',') + '\r\n');
    while (written < rows) {
      if (signal?.aborted) throw new Error('cancelled');
      const block: BlockRow[] = [];
      while (block.length < BLOCK_ROWS && written + block.length < rows) {
        const patient = patients.next();
        const appointments = simulator.simulate(patient);
        if (appointments.length > 0) patientCount++;
        for (const appointment of appointments) {
          if (written + block.length >= rows) break;
          const row: BlockRow = { patient, appointment };
          block.push(row);
          if (written + block.length < rows && messRng.next() < MESS_RATES.duplicateRow) block.push(row);
        }
      }
      shuffle(block, (n) => messRng.int(n));

      let chunk = '';
      for (const row of block) {
        // A duplicate is the same object: it reuses the first copy's line and ID.
        row.line ??= formatter.line(nextId++, row.patient, row.appointment);
        chunk += row.line;
        const o = row.appointment.outcome;
        if (o === '0') upcoming++;
        else if (o === '3' || o === '7') {
          dna++;
          attendedOrDna++;
        } else if (o === '5' || o === '6') attendedOrDna++;
      }
      await fh.write(chunk);
      written += block.length;
      if (onProgress && (written - lastProgress >= PROGRESS_EVERY || written === rows)) {
        lastProgress = written;
        onProgress(written, rows);
      }
    }
  } catch (err) {
    await fh.close();
    await unlink(file).catch(() => undefined);
    throw err;
  }
  await fh.close();

  return {
    file,
    rows: written,
    patients: patientCount,
    upcoming,
    extractDate: EXTRACT_DATE_ISO,
    dnaRate: attendedOrDna === 0 ? 0 : dna / attendedOrDna,
    seconds: Math.round(performance.now() - started) / 1000,
  };
}

/** Fisher-Yates, in place, with the given integer source. */
function shuffle<T>(items: T[], int: (n: number) => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = int(i + 1);
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
}
