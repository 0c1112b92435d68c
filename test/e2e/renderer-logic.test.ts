import { describe, expect, it } from 'vitest';
import { parseNumberList, distinct } from '../../renderer/src/analysis/grid.ts';
import { niceBinWidth, predictionHistogram } from '../../renderer/src/analysis/histogram.ts';
import { bundleFileName, bundlePathProblem, joinPath } from '../../renderer/src/analysis/bundle-path.ts';
import { inlineText, parseInline, parseMarkdown, tableCells } from '../../renderer/src/analysis/markdown.ts';
import { PageStore, pagesFor } from '../../renderer/src/analysis/page-store.ts';
import { nextSort, riskFilterInput, viewKey } from '../../renderer/src/analysis/risk-query.ts';
import { confusionAt, workloadOf } from '../../renderer/src/analysis/threshold.ts';
import { scrolledWindow, visibleWindow } from '../../renderer/src/analysis/windowing.ts';
import { runLabel, storedMetrics, testWeeks } from '../../renderer/src/api/run-metrics.ts';
import type { RocCurve } from '../../renderer/src/api/types.ts';
import { unseenWarnings } from '../../renderer/src/components/models/CoverageTable.tsx';
import { formatBytes, formatCi, formatDateTime, formatSuppressed, formatWithCi, shortFingerprint } from '../../renderer/src/format.ts';
import { screenOfHash } from '../../renderer/src/route.ts';
import { evaluatePredictions } from '../../core/evaluate/index.ts';

// Ten predictions: scores 0.9..0.0, DNAs at 0.9, 0.7, 0.4 (3 events, 7 attended).
const labels = [1, 0, 1, 0, 0, 1, 0, 0, 0, 0];
const scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.0];
const report = evaluatePredictions(labels, scores);
const roc = report.roc as RocCurve;

describe('confusion table at a threshold (renderer)', () => {
  it('counts flagged appointments p >= t off the ROC curve', () => {
    const c = confusionAt(roc, 10, 3, 0.45);
    // Flagged: 0.9, 0.8, 0.7, 0.6, 0.5 -> DNAs 0.9 and 0.7.
    expect(c).toMatchObject({ tp: 2, fp: 3, fn: 1, tn: 4, flagged: 5, atCurveThreshold: 0.5, exact: false });
    expect(c.sensitivity).toBeCloseTo(2 / 3, 12);
    expect(c.ppv).toBeCloseTo(0.4, 12);
  });

  it('matches the core threshold table exactly at its thresholds', () => {
    for (const row of report.thresholds.byThreshold) {
      const c = confusionAt(roc, 10, 3, row.threshold, report.thresholds.byThreshold);
      expect([c.tp, c.fp, c.tn, c.fn, c.exact]).toEqual([row.tp, row.fp, row.tn, row.fn, true]);
      // And the curve alone gives the same counts.
      const fromCurve = confusionAt(roc, 10, 3, row.threshold);
      expect([fromCurve.tp, fromCurve.fp]).toEqual([row.tp, row.fp]);
    }
  });

  it('flags nobody above the highest score and everyone at zero', () => {
    expect(confusionAt(roc, 10, 3, 0.95)).toMatchObject({ tp: 0, fp: 0, flagged: 0, atCurveThreshold: null });
    expect(confusionAt(roc, 10, 3, 0)).toMatchObject({ tp: 3, fp: 7, flagged: 10 });
  });

  it('turns counts into a weekly workload', () => {
    const w = workloadOf(confusionAt(roc, 10, 3, 0.45), 10, 2);
    expect(w).toEqual({ callsPerWeek: 2.5, dnasCaughtPerWeek: 1, callsPer1000: 500, dnasCaughtPer1000: 200, callsPerDnaCaught: 2.5, shareOfDnasCaught: 2 / 3 });
    expect(workloadOf(confusionAt(roc, 10, 3, 0.95), 10, null)).toMatchObject({ callsPerWeek: null, callsPerDnaCaught: null });
  });
});

describe('histogram of predictions from the ROC curve', () => {
  it('puts every appointment in one bin by outcome', () => {
    expect(niceBinWidth(0.9, 20)).toBe(0.05);
    const bins = predictionHistogram(roc, 10, 3, 20);
    // Bins are [lower, upper): the top score 0.9 opens a last bin [0.90, 0.95).
    expect(bins).toHaveLength(19);
    expect(bins.reduce((s, b) => s + b.dna, 0)).toBe(3);
    expect(bins.reduce((s, b) => s + b.attended, 0)).toBe(7);
    // 0.4 (a DNA) lies in [0.40, 0.45); 0.0 in [0, 0.05).
    expect(bins[8]).toEqual({ lower: 0.4, upper: 0.45, dna: 1, attended: 0 });
    expect(bins[0]).toEqual({ lower: 0, upper: 0.05, dna: 0, attended: 1 });
    expect(bins[17]).toEqual({ lower: 0.85, upper: 0.9, dna: 0, attended: 0 });
    expect(bins[18]).toEqual({ lower: 0.9, upper: 0.95, dna: 1, attended: 0 });
    expect(bins[16]).toEqual({ lower: 0.8, upper: 0.85, dna: 0, attended: 1 });
  });
});

describe('windowing', () => {
  it('renders the rows in view plus overscan, clamped to the list', () => {
    expect(visibleWindow(0, 480, 40, 1_000_000, 6)).toEqual({ start: 0, end: 19 });
    expect(visibleWindow(40_000, 480, 40, 1_000_000, 6)).toEqual({ start: 994, end: 1019 });
    expect(visibleWindow(40 * 999_990, 480, 40, 1_000_000, 6)).toEqual({ start: 999_984, end: 1_000_000 });
    expect(visibleWindow(0, 480, 40, 0)).toEqual({ start: 0, end: 0 });
  });
});

describe('scaled windowing past the height a browser can lay out', () => {
  it('is plain windowing below the cap', () => {
    // Scrolled to the end (and past it: clamped), the last row is drawn.
    expect(scrolledWindow(39_520, 480, 40, 1_000, 8_000_000, 6)).toEqual({ start: 982, end: 1000, top: 982 * 40, bottom: 0, height: 40_000 });
    expect(scrolledWindow(50_000, 480, 40, 1_000, 8_000_000, 6)).toEqual(scrolledWindow(39_520, 480, 40, 1_000, 8_000_000, 6));
    expect(scrolledWindow(400, 480, 40, 1_000, 8_000_000, 6)).toEqual({ start: 4, end: 29, top: 160, bottom: 971 * 40, height: 40_000 });
  });

  it('maps a capped scroll bar onto a million rows, first row at the top and last at the bottom', () => {
    const rows = 1_000_000;
    const rh = 66;
    const vh = 436;
    const cap = 8_000_000;
    const top = scrolledWindow(0, vh, rh, rows, cap);
    expect(top).toEqual({ start: 0, end: 14, top: 0, bottom: cap - 14 * rh, height: cap });
    const end = scrolledWindow(cap - vh, vh, rh, rows, cap);
    expect(end.end).toBe(rows);
    expect(end.bottom).toBe(0);
    // The last row ends exactly at the bottom of the scrollable body.
    expect(Math.abs(end.top + (end.end - end.start) * rh - cap)).toBeLessThanOrEqual(1);
    // Half way down the bar shows the middle of the list, and the spacers always add up to the body.
    const mid = scrolledWindow((cap - vh) / 2, vh, rh, rows, cap);
    const virtual = ((cap - vh) / 2) * ((rows * rh - vh) / (cap - vh));
    expect(mid.start).toBe(Math.floor(virtual / rh) - 6);
    expect(mid.top + (mid.end - mid.start) * rh + mid.bottom).toBe(cap);
    // Row i is drawn where the scaled position puts it: s + i*rh - virtual.
    const s = (cap - vh) / 2;
    expect(mid.top).toBe(Math.round(s + mid.start * rh - virtual));
  });
});

describe('pages of a long list', () => {
  it('lists the pages a window needs, nearest its middle first, with a margin', () => {
    expect(pagesFor(0, 14, 1_000_000, 200)).toEqual([0]);
    expect(pagesFor(190, 210, 1_000_000, 200)).toEqual([0, 1]);
    expect(pagesFor(390, 404, 1_000_000, 200, 60)).toEqual([1, 2]);
    expect(pagesFor(999_990, 1_000_000, 1_000_000, 200, 60)).toEqual([4999]);
    expect(pagesFor(0, 10, 0, 200)).toEqual([]);
  });

  it('keeps the most recently used pages and reads rows across them', () => {
    const store = new PageStore<string>(3, 2);
    store.put(0, ['a', 'b', 'c']);
    store.put(1, ['d', 'e']);
    expect([store.at(0), store.at(2), store.at(4), store.at(5)]).toEqual(['a', 'c', 'e', undefined]);
    store.touch([0]);
    store.put(2, ['g']);
    // Page 1 was the least recently used.
    expect([store.has(0), store.has(1), store.has(2), store.size]).toEqual([true, false, true, 2]);
    expect(() => new PageStore(0)).toThrow('page size must be a whole number from 1, got 0');
  });
});

describe('risk list requests', () => {
  it('sends only the filters set, with the sort the core understands', () => {
    expect(riskFilterInput({ clinic: null, band: null, sort: { key: 'probability', descending: true } })).toEqual({ sort: { key: 'probability', direction: 'desc' } });
    expect(riskFilterInput({ clinic: 'C1', band: 'high', sort: { key: 'time', descending: false } })).toEqual({
      clinics: ['C1'],
      bandFilter: ['high'],
      sort: { key: 'time', direction: 'asc' },
    });
  });

  it('flips the same column, starts risk highest first and text A to Z', () => {
    expect(nextSort({ key: 'probability', descending: true }, 'probability')).toEqual({ key: 'probability', descending: false });
    expect(nextSort({ key: 'probability', descending: true }, 'clinic')).toEqual({ key: 'clinic', descending: false });
    expect(nextSort({ key: 'clinic', descending: false }, 'probability')).toEqual({ key: 'probability', descending: true });
    const f = { clinic: null, band: null, sort: { key: 'probability' as const, descending: true } };
    expect(viewKey({ runId: 'r' }, f)).not.toBe(viewKey({ runId: 'r', from: '2025-11-01' }, f));
    expect(viewKey({ runId: 'r' }, f)).toBe(viewKey({ runId: 'r' }, { ...f }));
  });
});

describe('model card markdown', () => {
  it('reads headings, lists, tables and code, and keeps HTML as text', () => {
    const blocks = parseMarkdown(
      ['# Card <b>x</b>', '', 'Text with **bold `a|b`** and &lt;10 &amp; <script>alert(1)</script>', '- one', '- two', '', '| A | N |', '| --- | ---: |', '| `x\\|y` | 3 |', '', '```', '<img src=x onerror=alert(1)>', '```'].join('\n'),
    );
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'table', 'code']);
    expect(blocks[0]).toEqual({ kind: 'heading', level: 1, content: [{ text: 'Card <b>x</b>' }] });
    expect(blocks[1]).toEqual({
      kind: 'paragraph',
      content: [{ text: 'Text with ' }, { strong: [{ text: 'bold ' }, { code: 'a|b' }] }, { text: ' and <10 & <script>alert(1)</script>' }],
    });
    expect(blocks[3]).toEqual({ kind: 'table', head: [[{ text: 'A' }], [{ text: 'N' }]], numeric: [false, true], rows: [[[{ code: 'x|y' }], [{ text: '3' }]]] });
    expect(blocks[4]).toEqual({ kind: 'code', text: '<img src=x onerror=alert(1)>' });
  });

  it('undoes backslash escapes and entities, and leaves unmatched markers alone', () => {
    expect(inlineText(parseInline('a\\_b\\* c\\\\ &#65;&#x42; &bogus; **open'))).toBe('a_b* c\\ AB &bogus; **open');
    expect(parseInline('`` a`b ``')).toEqual([{ code: 'a`b' }]);
    expect(tableCells('| a \\| b | c |')).toEqual(['a | b', 'c']);
  });
});

describe('bundle paths and coverage', () => {
  it('joins a folder and a file name with the folder’s own separator', () => {
    expect(joinPath('/home/ana/models/', 'b.zip')).toBe('/home/ana/models/b.zip');
    expect(joinPath('C:\\Users\\ana\\Models', 'b.zip')).toBe('C:\\Users\\ana\\Models\\b.zip');
    expect(joinPath('C:\\', 'b.zip')).toBe('C:\\b.zip');
    expect(joinPath('/', 'b.zip')).toBe('/b.zip');
    expect(bundleFileName('clinic extract', '1.0.0')).toBe('attend-model-clinic-extract-1.0.0.zip');
    expect(bundleFileName(null, '')).toBe('attend-model.zip');
    expect(bundlePathProblem(' ', 'b.zip')).toMatch(/^Folder: /);
    expect(bundlePathProblem('/tmp', 'a/b.zip')).toBe("File name: 'a/b.zip' contains a folder separator; put the folder in the Folder field");
    expect(bundlePathProblem('/tmp', 'b.zip')).toBeNull();
  });

  it('warns about categories with many local values outside the learned levels, worst first', () => {
    const warnings = unseenWarnings([
      { feature: 'specialty', column: 'treatment_function', valued: 1000, unseenShare: 0.2, trainingShare: 0.1 },
      { feature: 'medium', column: 'consultation_medium', valued: 1000, unseenShare: 0.01, trainingShare: 0 },
      { feature: 'priority', column: 'priority_type', valued: 500, unseenShare: 0.5, trainingShare: null },
      { feature: 'source', column: 'referral_source', valued: 0, unseenShare: 0, trainingShare: 0 },
      // Rare clinics were pooled in training too: 46% against 44% is no shift.
      { feature: 'clinic', column: 'clinic_code', valued: 900, unseenShare: 0.46, trainingShare: 0.44 },
    ]);
    expect(warnings).toEqual([
      { feature: 'priority', text: 'priority (column priority_type): 50.0% of 500 local values are not among the levels the model learned.' },
      { feature: 'specialty', text: 'specialty (column treatment_function): 20.0% of 1,000 local values are not among the levels the model learned, against 10.0% in its training data.' },
    ]);
  });
});

describe('run metrics as stored in the journal', () => {
  const run = {
    id: 'run-1',
    note: '',
    params: { trees: 300, maxDepth: 5, eta: 0.05 },
    split: { kind: 'temporal', testDays: 91, testFrom: '2025-08-02' },
    metrics: { holdout: { auc: 0.7, aucCi: [0.65, 0.75], brier: 0.08, logloss: 0.3, n: 100, events: 9 }, evaluation: report },
  };

  it('reads holdout metrics and the evaluation, and refuses what is not there', () => {
    const m = storedMetrics(run as never);
    expect(m?.holdout.auc).toBe(0.7);
    expect(m?.evaluation?.n).toBe(10);
    expect(m?.baselines).toBeNull();
    expect(storedMetrics({ metrics: { auc: 0.7 } } as never)).toBeNull();
    expect(testWeeks(run as never)).toBe(13);
    expect(testWeeks({ split: { kind: 'patient-kfold', folds: 5 } } as never)).toBeNull();
    expect(runLabel(run as never)).toBe('depth 5, eta 0.05, 300 trees');
    expect(runLabel({ ...run, note: 'baseline check' } as never)).toBe('baseline check');
  });
});

describe('formatting and routes', () => {
  it('formats CIs, suppressed counts and appointment times the UK way', () => {
    expect(formatCi([0.61234, 0.70812])).toBe('0.612 to 0.708');
    expect(formatWithCi(0.665, [0.622, 0.708])).toBe('0.665 (95% CI 0.622 to 0.708)');
    expect(formatWithCi(null, null)).toBe('–');
    expect([0, 3, 9, 10, 12345].map(formatSuppressed)).toEqual(['0', '<10', '<10', '10', '12,345']);
    expect(formatDateTime('2025-11-03T09:05')).toBe('Mon 3 Nov 2025 09:05');
    expect(formatDateTime('2025-11-28')).toBe('Fri 28 Nov 2025');
    expect([812, 14_540, 3_250_000].map(formatBytes)).toEqual(['812 bytes', '14.2 KB', '3.1 MB']);
    expect(shortFingerprint(`sha256:${'ab'.repeat(32)}`)).toBe('sha256:abababababab…ababab');
  });

  it('reads screens from the hash and ignores other fragments', () => {
    expect(screenOfHash('#/risk')).toBe('risk');
    expect(screenOfHash('#main')).toBeNull();
    expect(screenOfHash('#/nowhere')).toBeNull();
  });

  it('parses grid value lists, naming a bad entry', () => {
    expect(distinct(parseNumberList('3, 5 5;7', 'Depths'))).toEqual([3, 5, 7]);
    expect(() => parseNumberList('3, x', 'Depths')).toThrow("Depths: 'x' is not a number");
    expect(() => parseNumberList(' ', 'Depths')).toThrow('Depths: give at least one value');
  });
});
