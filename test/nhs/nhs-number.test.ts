import { describe, expect, it } from 'vitest';
import { isValidNhsNumber, nhsCheckDigit, nhsNumberProblem } from '../../core/nhs/nhs-number.ts';

describe('NHS number modulus 11', () => {
  it('accepts numbers whose check digit is right, with or without spaces', () => {
    // 943 476 5919: 9*10+4*9+3*8+4*7+7*6+6*5+5*4+9*3+1*2 = 299; 299 mod 11 = 2; 11-2 = 9
    expect(nhsCheckDigit('943476591')).toBe(9);
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
    expect(isValidNhsNumber('943-476-5919')).toBe(true);
  });

  it('rejects a wrong check digit, wrong length, letters and repeated digits', () => {
    expect(nhsNumberProblem('9434765918')).toBe('NHS number fails the modulus 11 check');
    expect(nhsNumberProblem('943476591')).toBe('NHS number must be 10 digits');
    expect(nhsNumberProblem('94347659AB')).toBe('NHS number must be 10 digits');
    expect(nhsNumberProblem('1111111111')).toBe('NHS number is a repeated digit');
  });

  it('maps remainder 0 to check digit 0 and treats check 10 as never issued', () => {
    let zero: string | undefined;
    let ten: string | undefined;
    for (let i = 100000000; i < 100000200 && (!zero || !ten); i++) {
      const s = String(i);
      let sum = 0;
      for (let k = 0; k < 9; k++) sum += Number(s[k]) * (10 - k);
      if (sum % 11 === 0) zero ??= s;
      if (sum % 11 === 1) ten ??= s;
    }
    expect(nhsCheckDigit(zero as string)).toBe(0);
    expect(isValidNhsNumber(`${zero}0`)).toBe(true);
    expect(nhsCheckDigit(ten as string)).toBeNull();
    for (let d = 0; d <= 9; d++) expect(isValidNhsNumber(`${ten}${d}`)).toBe(false);
  });
});
