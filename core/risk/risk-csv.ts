import { writeFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { RiskList } from './risk-list.ts';

/** The call list as CSV: the extract's appointment id, never a patient identifier. */
export function riskCsv(list: RiskList): string {
  return Papa.unparse(
    {
      fields: ['appointment_id', 'appointment_at', 'clinic_code', 'specialty', 'probability', 'risk_band', 'reason_1', 'reason_2', 'reason_3'],
      data: list.rows.map((r) => [
        r.appointmentId,
        r.appointmentAt,
        r.clinicCode ?? '',
        r.specialty ?? '',
        r.probability.toFixed(4),
        r.band,
        r.reasons[0] ?? '',
        r.reasons[1] ?? '',
        r.reasons[2] ?? '',
      ]),
    },
    { newline: '\r\n' },
  );
}

/** Write the call list to a CSV file; returns the rows written. */
export async function writeRiskCsv(list: RiskList, out: string): Promise<number> {
  await writeFile(out, riskCsv(list) + '\r\n', 'utf8');
  return list.rows.length;
}
