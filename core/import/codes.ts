import { headerKey } from './synonyms.ts';

/**
 * Readers for the coded columns. Each takes a raw cell and returns the stored
 * value, null for blank or "not known", or undefined for a value it does not
 * recognise (the import warns and stores NULL).
 */

export type Sex = 'male' | 'female' | 'indeterminate';
export type Medium = 'face_to_face' | 'telephone' | 'video' | 'other';

/** Digits without leading zeros, or null when the cell is not all digits. */
function code(t: string): string | null {
  if (t.length === 0 || t.length > 6) return null;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  return String(Number(t));
}

export const SEX: Readonly<Record<string, Sex | null>> = {
  '1': 'male', m: 'male', male: 'male',
  '2': 'female', f: 'female', female: 'female',
  '9': 'indeterminate', i: 'indeterminate', indeterminate: 'indeterminate',
  '0': null, u: null, unknown: null, notknown: null, notspecified: null, notstated: null,
};

/** Person stated gender / sex: NHS codes 1, 2, 9, 0 or M/F/Male/Female. */
export function readSex(raw: string): Sex | null | undefined {
  const t = raw.trim();
  if (t === '') return null;
  const key = code(t) ?? headerKey(t);
  return key in SEX ? SEX[key] : undefined;
}

export const ETHNIC_CODES = new Set('ABCDEFGHJKLMNPRSZ');
export const ETHNIC_LABELS: Readonly<Record<string, string>> = {
  whitebritish: 'A', british: 'A', whiteirish: 'B', irish: 'B', anyotherwhitebackground: 'C', otherwhite: 'C',
  whiteandblackcaribbean: 'D', whiteandblackafrican: 'E', whiteandasian: 'F', anyothermixedbackground: 'G',
  othermixed: 'G', indian: 'H', pakistani: 'J', bangladeshi: 'K', anyotherasianbackground: 'L', otherasian: 'L',
  caribbean: 'M', african: 'N', anyotherblackbackground: 'P', otherblack: 'P', chinese: 'R',
  anyotherethnicgroup: 'S', otherethnicgroup: 'S', notstated: 'Z', notknown: 'Z', ns: 'Z', nk: 'Z',
};

/**
 * Ethnic category: the NHS letter (A..Z as the Data Dictionary lists them), "99"
 * (not known) as Z,
 * a letter with a digit (local sub-code) by its letter, or a common label ("White - British", "Indian", ...).
 */
export function readEthnicCategory(raw: string): string | null | undefined {
  const t = raw.trim();
  if (t === '') return null;
  if (t === '99') return 'Z';
  const up = t.toUpperCase();
  if (ETHNIC_CODES.has(up[0]) && (up.length === 1 || (up.length === 2 && up[1] >= '0' && up[1] <= '9'))) return up[0];
  const key = headerKey(t);
  return ETHNIC_LABELS[key] ?? ETHNIC_LABELS[key.replace(/^(white|mixed|asianorasianbritish|blackorblackbritish|asian|black|otherethnicgroups?)/, '')];
}

/** IMD decile: an integer 1 (most deprived) to 10. */
export function readImdDecile(raw: string): number | null | undefined {
  const t = raw.trim();
  if (t === '') return null;
  const c = code(t.endsWith('.0') ? t.slice(0, -2) : t);
  const n = c === null ? NaN : Number(c);
  return n >= 1 && n <= 10 ? n : undefined;
}

export const FIRST_LABELS: Readonly<Record<string, string>> = {
  first: '1', new: '1', firstattendance: '1', newpatient: '1', firstappointment: '1', firstfacetoface: '1',
  followup: '2', fu: '2', follow: '2', subsequent: '2', review: '2', followupfacetoface: '2',
  firsttelephoneorvideo: '3', firsttelephone: '3', firstvideo: '3',
  followuptelephoneorvideo: '4', followuptelephone: '4', followupvideo: '4',
  administrative: '5', admin: '5',
};

/** First attendance: code '1'..'5', or first / follow-up labels as '1' / '2'. */
export function readFirstAttendance(raw: string): string | null | undefined {
  const t = raw.trim();
  if (t === '') return null;
  const c = code(t);
  if (c !== null) return c >= '1' && c <= '5' && c.length === 1 ? c : undefined;
  return FIRST_LABELS[headerKey(t)];
}

export const MEDIUM_CODES: Readonly<Record<string, Medium>> = {
  '1': 'face_to_face', '2': 'telephone', '3': 'video', '4': 'other', '5': 'other', '6': 'other', '98': 'other',
};
export const MEDIUM_LABELS: Readonly<Record<string, Medium>> = {
  facetoface: 'face_to_face', f2f: 'face_to_face', inperson: 'face_to_face', faceface: 'face_to_face',
  telephone: 'telephone', phone: 'telephone', tel: 'telephone', telephoneconsultation: 'telephone',
  video: 'video', videocall: 'video', videoconsultation: 'video', telemedicine: 'video', telemedicinewebcamera: 'video',
  email: 'other', sms: 'other', textmessage: 'other', shortmessageservice: 'other', talktypefordeaf: 'other', other: 'other',
};

/** Consultation medium used: codes 01, 02, 03, 04-06, 98 or their labels. */
export function readMedium(raw: string): Medium | null | undefined {
  const t = raw.trim();
  if (t === '') return null;
  const c = code(t);
  return c !== null ? MEDIUM_CODES[c] : MEDIUM_LABELS[headerKey(t)];
}

export const PRIORITY_LABELS: Readonly<Record<string, string>> = {
  routine: '1', urgent: '2', twoweekwait: '3', '2ww': '3', '2weekwait': '3', tww: '3', suspectedcancer: '3',
  urgentsuspectedcancer: '3', cancertwoweekwait: '3', '2wwcancer': '3',
};

/** Priority type: '1' routine, '2' urgent, '3' two week wait, from codes or labels. */
export function readPriority(raw: string): string | null | undefined {
  const t = raw.trim();
  if (t === '') return null;
  const c = code(t);
  if (c !== null) return c === '1' || c === '2' || c === '3' ? c : undefined;
  return PRIORITY_LABELS[headerKey(t)];
}
