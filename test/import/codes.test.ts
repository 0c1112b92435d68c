import { describe, expect, it } from 'vitest';
import {
  readEthnicCategory, readFirstAttendance, readImdDecile, readMedium, readPriority, readSex,
} from '../../core/import/index.ts';

describe('coded columns', () => {
  it('sex: NHS codes and letters; not known and blank are NULL; other text unrecognised', () => {
    expect(['1', '2', '9', '0', 'M', 'f', 'Male', 'FEMALE', 'Indeterminate', 'Unknown', '', 'Q'].map(readSex)).toEqual([
      'male', 'female', 'indeterminate', null, 'male', 'female', 'male', 'female', 'indeterminate', null, null, undefined,
    ]);
  });

  it('ethnic category: letters, 99 as Z, sub-codes and labels', () => {
    expect(['A', 'h', '99', 'Z', 'C2', 'White - British', 'Asian or Asian British - Indian', 'Chinese', 'Not stated', 'I', 'O', 'Martian', ''].map(readEthnicCategory)).toEqual([
      'A', 'H', 'Z', 'Z', 'C', 'A', 'H', 'R', 'Z', undefined, undefined, undefined, null,
    ]);
  });

  it('IMD decile: whole numbers 1 to 10 only', () => {
    expect(['1', '10', '05', '7.0', '0', '11', '2.5', 'x', ''].map(readImdDecile)).toEqual([1, 10, 5, 7, undefined, undefined, undefined, undefined, null]);
  });

  it('first attendance: codes 1-5 and first/follow-up labels', () => {
    expect(['1', '05', 'First', 'Follow-up', 'follow up', 'New', '6', 'later', ''].map(readFirstAttendance)).toEqual([
      '1', '5', '1', '2', '2', '1', undefined, undefined, null,
    ]);
  });

  it('consultation medium: codes 01-06 and 98, and labels', () => {
    expect(['01', '2', '03', '04', '06', '98', 'Face to face', 'Telephone', 'Video', '07', 'pigeon', ''].map(readMedium)).toEqual([
      'face_to_face', 'telephone', 'video', 'other', 'other', 'other', 'face_to_face', 'telephone', 'video', undefined, undefined, null,
    ]);
  });

  it('priority: codes 1-3 and routine/urgent/two week wait labels', () => {
    expect(['1', '02', '3', 'Routine', 'URGENT', 'Two Week Wait', '2WW', '4', 'soon', ''].map(readPriority)).toEqual([
      '1', '2', '3', '1', '2', '3', '3', undefined, undefined, null,
    ]);
  });
});
