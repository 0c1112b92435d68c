/**
 * Row indices grouped by patient (patients in code order) and by time within a
 * patient, plus where each patient's rows start: a counting sort, then a small sort
 * per patient, so a million rows sort in linear time.
 */
export function orderByPatientAndTime(
  patient: Int32Array,
  minute: Int32Array,
  patientCount: number,
): { order: Int32Array; start: Int32Array } {
  const n = patient.length;
  const start = new Int32Array(patientCount + 1);
  for (let i = 0; i < n; i++) start[patient[i] + 1]++;
  for (let p = 0; p < patientCount; p++) start[p + 1] += start[p];
  const next = start.slice(0, patientCount);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[next[patient[i]]++] = i;
  for (let p = 0; p < patientCount; p++) {
    const lo = start[p];
    const hi = start[p + 1];
    if (hi - lo > 24) {
      order.subarray(lo, hi).sort((a, b) => minute[a] - minute[b]);
      continue;
    }
    for (let i = lo + 1; i < hi; i++) {
      const row = order[i];
      const t = minute[row];
      let j = i - 1;
      while (j >= lo && minute[order[j]] > t) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = row;
    }
  }
  return { order, start };
}
