import type { Db } from '../../core/workspace/index.ts';

/**
 * Insert n synthetic appointments in one INSERT ... SELECT over a recursive CTE:
 * deterministic (values are arithmetic on the row number), a million rows in seconds.
 * About 7% DNA; some ages, deciles and specialties missing.
 */
export async function insertSyntheticAppointments(db: Db, datasetId: number, importId: number, n: number): Promise<void> {
  await db.run(
    `WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ?)
     INSERT INTO appointments (dataset_id, appointment_id, patient_key, age_years, sex, ethnic_category, imd_decile,
       treatment_function_code, specialty, clinic_code, appointment_at, booked_on, first_attendance, medium, priority,
       attendance_code, outcome, import_id)
     SELECT ?, 'A' || i, printf('%064x', (i * 7919) % 250000),
       CASE WHEN i % 97 = 0 THEN NULL ELSE (i * 37) % 101 END,
       CASE i % 2 WHEN 0 THEN 'F' ELSE 'M' END,
       CASE WHEN i % 13 = 0 THEN '' ELSE char(65 + i % 16) END,
       NULLIF((i * 11) % 11, 0),
       printf('%d', 100 + (i * 31) % 20),
       CASE WHEN i % 500 = 0 THEN NULL ELSE 'Specialty ' || ((i * 31) % 20) END,
       'C' || (i % 300),
       date('2023-01-01', '+' || ((i * 17) % 730) || ' days') || 'T' || printf('%02d:%02d', 8 + i % 9, (i * 5) % 60),
       date('2022-12-01', '+' || ((i * 17) % 730) || ' days'),
       printf('%d', 1 + i % 4), 'face to face', printf('%d', 1 + i % 3),
       NULL,
       CASE WHEN ((i * 2654435761) % 1000003) % 100 < 7 THEN 'dna'
            WHEN ((i * 2654435761) % 1000003) % 100 < 85 THEN 'attended'
            WHEN ((i * 2654435761) % 1000003) % 100 < 92 THEN 'patient_cancelled'
            WHEN ((i * 2654435761) % 1000003) % 100 < 96 THEN 'hospital_cancelled'
            WHEN ((i * 2654435761) % 1000003) % 100 < 99 THEN 'upcoming'
            ELSE 'unknown' END,
       ?
     FROM seq`,
    [n, datasetId, importId],
  );
}
