import { describe, expect, it } from 'vitest';
import { mappingSchema } from '../../core/api/index.ts';
import { detectMapping } from '../../core/import/mapping.ts';
import { EXTRACT_FIELDS } from '../../core/import/types.ts';
import { FIELD_GROUPS, MAPPING_FIELDS, OUTCOMES, fieldLabel, missingText } from '../../renderer/src/analysis/mapping-fields.ts';
import { MAPPING_FILE_NAME, mappingJson, parseMappingFile } from '../../renderer/src/analysis/mapping-file.ts';
import {
  addOutcomeRow,
  distinctValues,
  formFromDetection,
  formFromMapping,
  isDetectionOnly,
  mappingFromForm,
  parseDnaCodes,
  removeOutcomeRow,
  setColumn,
  sharedColumns,
  updateOutcomeRow,
  withResolvedColumns,
  type MappingForm,
} from '../../renderer/src/analysis/mapping-form.ts';
import { forgetMapping, headerSetKey, keepMapping, recallMapping, rememberMapping, type MappingStore } from '../../renderer/src/analysis/mapping-memory.ts';

const HEADERS = ['Visit Ref', 'When', 'Showed up?', 'Patient', 'Clinic'];

/** A Web Storage stand-in over a Map. */
function memoryStore(): MappingStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

function filled(): MappingForm {
  let form = formFromDetection(detectMapping(HEADERS).mapping);
  form = setColumn(form, 'appointmentId', 'Visit Ref');
  form = setColumn(form, 'appointmentDate', 'When');
  form = setColumn(form, 'attendanceStatus', 'Showed up?');
  form = setColumn(form, 'localPatientId', 'Patient');
  form = addOutcomeRow(form);
  form = updateOutcomeRow(form, 1, { value: 'Yes' });
  form = addOutcomeRow(form, 'dna');
  return updateOutcomeRow(form, 2, { value: 'No' });
}

describe('field lists restated in the renderer', () => {
  it('match the core fields in order, and the groups hold each field once', () => {
    expect(MAPPING_FIELDS).toEqual([...EXTRACT_FIELDS]);
    expect(FIELD_GROUPS.flatMap((g) => g.fields).sort()).toEqual([...EXTRACT_FIELDS].sort());
    expect(OUTCOMES).toEqual(['attended', 'dna', 'patient_cancelled', 'hospital_cancelled', 'upcoming', 'unknown']);
  });

  it('labels required fields and names missing ones in words', () => {
    expect(fieldLabel('appointmentDate')).toBe('Appointment date (required)');
    expect(fieldLabel('localPatientId')).toBe('Local patient number (this or the NHS number)');
    expect(fieldLabel('nhsNumber')).toBe('NHS number (this or the local patient number)');
    expect(fieldLabel('clinicCode')).toBe('Clinic code');
    expect(missingText(['appointmentDate', 'attendanceStatus', 'nhsNumber', 'localPatientId'])).toBe(
      'appointment date, attendance outcome, NHS number or local patient number',
    );
    expect(missingText(['attendanceStatus'])).toBe('attendance outcome');
  });
});

describe('mapping form <-> mapping file', () => {
  it('starts from detection: recognised headers chosen, defaults elsewhere', () => {
    const form = formFromDetection(detectMapping(HEADERS).mapping);
    expect(form).toEqual({ columns: { clinicCode: 'Clinic' }, outcomeRows: [], dnaCodes: '3, 7', dateOrder: 'dmy', kept: {} });
    expect(mappingFromForm(form)).toEqual({ mapping: { columns: { clinicCode: 'Clinic' } }, problems: [] });
  });

  it('writes every chosen column in field order, the outcome values, and leaves defaults out', () => {
    const built = mappingFromForm(filled());
    expect(built.problems).toEqual([]);
    expect(mappingJson(built.mapping ?? {})).toBe(
      JSON.stringify(
        {
          columns: { appointmentId: 'Visit Ref', localPatientId: 'Patient', clinicCode: 'Clinic', appointmentDate: 'When', attendanceStatus: 'Showed up?' },
          outcomeValues: { Yes: 'attended', No: 'dna' },
        },
        null,
        2,
      ) + '\n',
    );
    expect(mappingSchema.parse(built.mapping)).toEqual(built.mapping);
  });

  it('writes DNA codes and month-first dates only when they differ from the defaults', () => {
    const codes = mappingFromForm({ ...formFromDetection({}), dnaCodes: ' 3 ,7, 8 ', dateOrder: 'mdy' });
    expect(codes.mapping).toEqual({ dnaCodes: ['3', '7', '8'], dateOrder: 'mdy' });
    expect(mappingFromForm({ ...formFromDetection({}), dnaCodes: '7 3' }).mapping).toEqual({});
    expect(parseDnaCodes('3,,7  9')).toEqual(['3', '7', '9']);
  });

  it('refuses an empty DNA code list and a value given twice, naming the line', () => {
    let form = addOutcomeRow(addOutcomeRow(formFromDetection({})));
    form = updateOutcomeRow(form, 1, { value: 'Yes' });
    form = updateOutcomeRow(form, 2, { value: ' yes ', outcome: 'dna' });
    expect(mappingFromForm({ ...form, dnaCodes: ' , ' })).toEqual({
      mapping: null,
      problems: [
        { control: 'outcome-2', message: "Outcome value 2: 'yes' is already given in line 1 (values match whatever their case)" },
        { control: 'dnaCodes', message: 'DNA codes: give at least one code (HES counts 3 and 7)' },
      ],
    });
  });

  it('ignores an outcome line not yet filled in', () => {
    expect(mappingFromForm(addOutcomeRow(formFromDetection({}))).mapping).toEqual({});
  });

  it('adds, changes and removes outcome lines with stable ids', () => {
    let form = addOutcomeRow(addOutcomeRow(formFromDetection({})));
    form = removeOutcomeRow(form, 1);
    form = addOutcomeRow(form, 'unknown');
    expect(form.outcomeRows).toEqual([
      { id: 2, value: '', outcome: 'attended' },
      { id: 3, value: '', outcome: 'unknown' },
    ]);
    expect(setColumn(setColumn(form, 'sex', 'Clinic'), 'sex', null).columns).toEqual({});
  });

  it('keeps a recognised field left out as null, writes it so, and reads it back', () => {
    const form = setColumn(filled(), 'clinicCode', null, true);
    expect(form.columns.clinicCode).toBeNull();
    const mapping = mappingFromForm(form).mapping ?? {};
    expect(mapping.columns).toEqual({ appointmentId: 'Visit Ref', localPatientId: 'Patient', clinicCode: null, appointmentDate: 'When', attendanceStatus: 'Showed up?' });
    expect(mappingJson(mapping)).toContain('"clinicCode": null');
    expect(mappingSchema.parse(mapping)).toEqual(mapping);
    const resolved = detectMapping(HEADERS, mapping);
    expect(resolved.mapping.clinicCode).toBeUndefined();
    expect(resolved.unmappedHeaders).toEqual(['Clinic']);
    expect(withResolvedColumns(form, resolved.mapping)).toBe(form);
    const again = formFromMapping(parseMappingFile(mappingJson(mapping), MAPPING_FILE_NAME), HEADERS, MAPPING_FILE_NAME);
    if (!('form' in again)) throw new Error(again.error);
    expect(again.form.columns.clinicCode).toBeNull();
    expect(mappingFromForm(again.form).mapping).toEqual(mapping);
    expect(sharedColumns(form)).toEqual([]);
    expect(setColumn(form, 'clinicCode', 'Clinic').columns.clinicCode).toBe('Clinic');
  });

  it('reads a mapping back into the form, resolving header case to the file and keeping settings it does not edit', () => {
    const mapping = { columns: { appointmentDate: 'when', attendanceStatus: 'Showed up?' }, outcomeValues: { Y: 'attended' as const }, dnaCodes: ['3'], dateOrder: 'mdy' as const, encoding: 'windows-1252' as const, maxRejectedShare: 0.5 };
    const applied = formFromMapping(mapping, HEADERS, 'm.json');
    expect(applied).toEqual({
      form: {
        columns: { appointmentDate: 'When', attendanceStatus: 'Showed up?' },
        outcomeRows: [{ id: 1, value: 'Y', outcome: 'attended' }],
        dnaCodes: '3',
        dateOrder: 'mdy',
        kept: { maxRejectedShare: 0.5, encoding: 'windows-1252' },
      },
    });
    if (!('form' in applied)) throw new Error('not applied');
    expect(mappingFromForm(applied.form).mapping).toEqual({ ...mapping, columns: { appointmentDate: 'When', attendanceStatus: 'Showed up?' } });
  });

  it('round-trips the filled form through its JSON', () => {
    const mapping = mappingFromForm(filled()).mapping ?? {};
    const again = formFromMapping(parseMappingFile(mappingJson(mapping), MAPPING_FILE_NAME), HEADERS, MAPPING_FILE_NAME);
    if (!('form' in again)) throw new Error(again.error);
    expect(mappingFromForm(again.form).mapping).toEqual(mapping);
  });

  it('refuses a mapping naming a column the file lacks, naming field and header', () => {
    expect(formFromMapping({ columns: { appointmentDate: 'Date' } }, HEADERS, 'old.json')).toEqual({
      error: "old.json: columns.appointmentDate names 'Date', which is not a column of this file (its columns are: Visit Ref, When, Showed up?, Patient, Clinic)",
    });
  });

  it('takes the columns the core resolved, returning the same form when nothing changed', () => {
    const form = setColumn(formFromDetection({}), 'appointmentDate', 'When');
    expect(withResolvedColumns(form, { appointmentDate: 'When' })).toBe(form);
    expect(withResolvedColumns(form, { appointmentDate: 'When', clinicCode: 'Clinic' }).columns).toEqual({ appointmentDate: 'When', clinicCode: 'Clinic' });
    const off = setColumn(form, 'clinicCode', null, true);
    expect(withResolvedColumns(off, { appointmentDate: 'When', sex: 'Patient' }).columns).toEqual({ appointmentDate: 'When', sex: 'Patient', clinicCode: null });
  });

  it('lists headers feeding several fields and the values a column shows', () => {
    const form = setColumn(setColumn(formFromDetection({}), 'appointmentDate', 'When'), 'bookedDate', 'When');
    expect(sharedColumns(form)).toEqual([{ header: 'When', fields: ['appointment date', 'booked date'] }]);
    const rows = [
      ['V1', '01/02/2025', 'Yes'],
      ['V2', '02/02/2025', ' No '],
      ['V3', '03/02/2025', 'Yes'],
      ['V4', '04/02/2025', ''],
    ];
    expect(distinctValues(HEADERS, rows, 'Showed up?')).toEqual(['Yes', 'No']);
    expect(distinctValues(HEADERS, rows, 'Showed up?', 1)).toEqual(['Yes']);
    expect(distinctValues(HEADERS, rows, undefined)).toEqual([]);
  });
});

describe('mapping file checks', () => {
  const bad: [string, string][] = [
    ['{', 'm.json: not valid JSON ('],
    ['[]', 'm.json: must hold a JSON object such as'],
    ['{"colums": {}}', "m.json: 'colums' is not a mapping key (keys are: columns, outcomeValues, dnaCodes, dateOrder, maxRejectedShare, encoding, delimiter)"],
    ['{"columns": []}', 'm.json: columns must be an object of field name → column header'],
    ['{"columns": {"apptDate": "When"}}', 'm.json: columns.apptDate is not a field (fields are: appointmentId, nhsNumber,'],
    ['{"columns": {"appointmentDate": 3}}', 'm.json: columns.appointmentDate must be a column header (non-empty text), or null for a column the file does not have'],
    ['{"columns": {"appointmentDate": ""}}', 'm.json: columns.appointmentDate must be a column header (non-empty text)'],
    ['{"outcomeValues": {"Yes": "present"}}', 'm.json: outcomeValues["Yes"] must be one of "attended", "dna", "patient_cancelled", "hospital_cancelled", "upcoming", "unknown"'],
    ['{"dnaCodes": "3,7"}', 'm.json: dnaCodes must be a list of codes as text, such as ["3", "7"]'],
    ['{"dnaCodes": [3, 7]}', 'm.json: dnaCodes must be a list of codes as text'],
    ['{"dateOrder": "ymd"}', 'm.json: dateOrder must be "dmy" (day first) or "mdy" (month first)'],
    ['{"maxRejectedShare": 2}', 'm.json: maxRejectedShare must be a number from 0 to 1'],
    ['{"encoding": "latin1"}', 'm.json: encoding must be one of "utf-8", "windows-1252"'],
    ['{"delimiter": ":"}', 'm.json: delimiter must be one of ",", "\\t", "|", ";"'],
  ];

  it.each(bad)('refuses %s with a message naming the key, as the command line would refuse it', (text, message) => {
    expect(() => parseMappingFile(text, 'm.json')).toThrow(message);
    let parsed: unknown = Symbol('unparsable');
    try {
      parsed = JSON.parse(text);
    } catch {
      return;
    }
    expect(mappingSchema.safeParse(parsed).success).toBe(false);
  });

  it('accepts every key the command line accepts, with a byte order mark', () => {
    const full = {
      columns: { appointmentDate: 'When', clinicCode: null },
      outcomeValues: { Yes: 'attended', No: 'dna' },
      dnaCodes: ['3'],
      dateOrder: 'mdy',
      maxRejectedShare: 0.1,
      encoding: 'utf-8',
      delimiter: '\t',
    };
    expect(parseMappingFile('\uFEFF' + JSON.stringify(full), 'm.json')).toEqual(full);
    expect(mappingSchema.parse(full)).toEqual(full);
    expect(parseMappingFile('{}', 'm.json')).toEqual({});
  });
});

describe('mapping memory per header set', () => {
  it('finds a mapping again by the headers in any order, and drops an unreadable one', () => {
    const store = memoryStore();
    const mapping = { columns: { appointmentDate: 'When' } };
    rememberMapping(store, HEADERS, mapping);
    expect(headerSetKey(HEADERS)).toBe('attend.mapping:["Clinic","Patient","Showed up?","Visit Ref","When"]');
    expect([...store.map.keys()]).toEqual([headerSetKey(HEADERS)]);
    expect(recallMapping(store, [...HEADERS].reverse())).toEqual(mapping);
    expect(recallMapping(store, HEADERS.slice(1))).toBeNull();
    store.map.set(headerSetKey(HEADERS), '{"columns": 1}');
    expect(recallMapping(store, HEADERS)).toBeNull();
    expect(store.map.size).toBe(0);
    rememberMapping(store, HEADERS, mapping);
    forgetMapping(store, HEADERS);
    expect(store.map.size).toBe(0);
  });

  it('keeps only mappings that say more than detection', () => {
    const store = memoryStore();
    const detected = detectMapping(HEADERS).mapping;
    expect(isDetectionOnly({ columns: { clinicCode: 'Clinic' } }, detected)).toBe(true);
    expect(isDetectionOnly({ columns: { clinicCode: 'Clinic' }, dateOrder: 'mdy' }, detected)).toBe(false);
    const edited = mappingFromForm(filled()).mapping ?? {};
    keepMapping(store, HEADERS, edited, detected);
    expect(recallMapping(store, HEADERS)).toEqual(edited);
    keepMapping(store, HEADERS, { columns: { clinicCode: 'Clinic' } }, detected);
    expect(store.map.size).toBe(0);
  });

  it('works without storage and survives a store that throws', () => {
    const broken: MappingStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => undefined,
    };
    expect(recallMapping(null, HEADERS)).toBeNull();
    expect(recallMapping(broken, HEADERS)).toBeNull();
    expect(() => rememberMapping(broken, HEADERS, {})).not.toThrow();
  });
});
