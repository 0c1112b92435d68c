import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { nhsCheckDigit } from '../../../core/nhs/nhs-number.ts';

/** The demo generator's header, which the import maps without a mapping file. */
export const DEMO_HEADER =
  'Appointment ID,NHS Number,Local Patient Number,Date of Birth,Sex,Ethnic Category,LSOA,IMD Decile,' +
  'Treatment Function Code,Specialty,Clinic Code,Appointment Date,Appointment Time,Booked Date,' +
  'First Attendance,Consultation Medium,Priority Type,Attended or Did Not Attend';

/** A valid NHS number derived from n (deterministic), for synthetic rows. */
export function syntheticNhsNumber(n: number): string {
  for (let k = 0; ; k++) {
    const nine = String(400_000_000 + ((n * 7 + k) % 500_000_000)).padStart(9, '0');
    const check = nhsCheckDigit(nine);
    if (check !== null) return nine + check;
  }
}

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

/** One synthetic demo-format line for row i (1-based), deterministic. */
export function syntheticLine(i: number, patients: number): string {
  const p = (i * 7919) % patients;
  const day = 1 + (i % 28);
  const month = 1 + (Math.floor(i / 28) % 12);
  const outcome = i % 13 === 0 ? '3' : i % 29 === 0 ? '2' : '5';
  return [
    'APT' + String(i).padStart(8, '0'),
    syntheticNhsNumber(p),
    'RX' + String(p).padStart(7, '0'),
    `${pad2(1 + (p % 28))}/${pad2(1 + (p % 12))}/${1940 + (p % 70)}`,
    String(1 + (p % 2)),
    'ABCDEFGHJKLMNPRSZ'[p % 17],
    'E0100' + String(p % 9000).padStart(4, '0'),
    String(1 + (p % 10)),
    String(100 + (i % 30)),
    'General Surgery',
    'CLN' + (i % 200),
    `${pad2(day)}/${pad2(month)}/2024`,
    `${pad2(8 + (i % 9))}:${pad2((i % 4) * 15)}`,
    `${pad2(1 + (i % 28))}/${pad2(month)}/2023`,
    String(1 + (i % 4)),
    '0' + (1 + (i % 3)),
    String(1 + (i % 3)),
    outcome,
  ].join(',');
}

/** Write a demo-format extract of `rows` synthetic rows (streamed, for large test files). */
export async function writeSyntheticExtract(path: string, rows: number, patients = Math.max(1, Math.floor(rows / 5))): Promise<void> {
  const out = createWriteStream(path);
  out.write(DEMO_HEADER + '\r\n');
  let buf = '';
  for (let i = 1; i <= rows; i++) {
    buf += syntheticLine(i, patients) + '\r\n';
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}
