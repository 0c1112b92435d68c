/**
 * NHS number checks (NHS Data Dictionary, "NHS Number"): ten digits, the last a
 * modulus 11 check digit over the first nine weighted 10 down to 2. A remainder
 * giving check 10 means the number was never issued.
 */

/** Strip the spaces and dashes that extracts put in NHS numbers ("943 476 5919"). */
export function normaliseNhsNumber(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

/** The check digit for nine leading digits, or null when no valid number has them. */
export function nhsCheckDigit(nineDigits: string): number | null {
  if (!/^\d{9}$/.test(nineDigits)) return null;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (nineDigits.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

/** Why an NHS number is invalid, or null when it passes the modulus 11 check. */
export function nhsNumberProblem(raw: string): string | null {
  const n = normaliseNhsNumber(raw);
  if (!/^\d{10}$/.test(n)) return 'NHS number must be 10 digits';
  if (/^(\d)\1{9}$/.test(n)) return 'NHS number is a repeated digit';
  const check = nhsCheckDigit(n.slice(0, 9));
  if (check === null || check !== n.charCodeAt(9) - 48) return 'NHS number fails the modulus 11 check';
  return null;
}

/** True when the NHS number is well formed and its check digit is right. */
export function isValidNhsNumber(raw: string): boolean {
  return nhsNumberProblem(raw) === null;
}
