import { z } from 'zod';
import { defineOperation } from './operation.ts';
import { writeDemoExtract } from '../demo/index.ts';
import { importExtract, previewExtract } from '../import/index.ts';
import { listDatasets, profileDataset } from '../profile/index.ts';
import { compareConfigs, compareGridSchema, evaluateRun, trainConfigSchema, trainRun } from '../train/index.ts';
import { compareRuns, getRun, listRuns, setRunArchived, setRunNote } from '../journal/index.ts';
import { cachedRiskList, riskCsv, riskView, RISK_SORT_KEYS, writeRiskCsv } from '../risk/index.ts';
import { evaluatePredictions, readPredictionsCsv } from '../evaluate/index.ts';
import { EXTRACT_FIELDS, type MappingFile } from '../import/types.ts';
import { exportBundle, openBundle, scoreWithBundle, trustSigningKey, validateBundle } from '../bundle/index.ts';
import { runsLeaderboard } from '../train/index.ts';

const outcomeSchema = z.enum(['attended', 'dna', 'patient_cancelled', 'hospital_cancelled', 'upcoming', 'unknown']);

/** Schema of a mapping file; unknown keys are refused so typos do not pass silently. */
export const mappingSchema: z.ZodType<MappingFile> = z
  .object({
    columns: z.partialRecord(z.enum(EXTRACT_FIELDS), z.string().min(1).nullable()).optional(),
    outcomeValues: z.record(z.string(), outcomeSchema).optional(),
    dnaCodes: z.array(z.string()).optional(),
    dateOrder: z.enum(['dmy', 'mdy']).optional(),
    maxRejectedShare: z.number().min(0).max(1).optional(),
    encoding: z.enum(['utf-8', 'windows-1252']).optional(),
    delimiter: z.enum([',', '\t', '|', ';']).optional(),
  })
  .strict() as z.ZodType<MappingFile>;

const datasetName = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\w .-]+$/, 'dataset names use letters, digits, space, dot, dash and underscore');

const fingerprint = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'key fingerprints look like sha256: and 64 hex digits');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use yyyy-mm-dd');
const riskInput = z.object({
  runId: z.string().min(1).max(100),
  from: isoDate.optional(),
  to: isoDate.optional(),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, 'use yyyy-mm-dd or yyyy-mm-ddThh:mm').optional(),
  clinics: z.array(z.string().min(1).max(100)).max(10_000).optional(),
  bandFilter: z.array(z.enum(['high', 'medium', 'low'])).optional(),
});
const riskPage = z.object({
  sort: z.object({ key: z.enum(RISK_SORT_KEYS), direction: z.enum(['asc', 'desc']) }).optional(),
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(100_000).optional(),
});

/** The only door from any UI (Electron IPC, browser host, CLI) into the core. */
export const operations = {
  'demo.generate': defineOperation({
    long: true,
    input: z.object({
      out: z.string().min(1),
      rows: z.number().int().min(1).max(4_000_000).default(150_000),
      seed: z.number().int().default(1),
    }),
    handler: (input, ctx) =>
      writeDemoExtract({ ...input, signal: ctx.signal, onProgress: (done, total) => ctx.progress({ stage: 'writing', done, total }) }),
  }),
  'import.preview': defineOperation({
    input: z.object({ file: z.string().min(1), mapping: mappingSchema.optional() }),
    handler: (input) => previewExtract(input.file, input.mapping),
  }),
  'import.run': defineOperation({
    long: true,
    input: z.object({ file: z.string().min(1), dataset: datasetName.optional(), mapping: mappingSchema.optional() }),
    handler: async (input, ctx) =>
      importExtract(await ctx.workspace(), input.file, {
        dataset: input.dataset,
        mapping: input.mapping,
        signal: ctx.signal,
        onProgress: (p) => ctx.progress({ stage: 'importing', done: p.bytesRead, total: p.totalBytes, message: `${p.rowsRead} rows` }),
      }),
  }),
  'datasets.list': defineOperation({
    input: z.object({}),
    handler: async (_input, ctx) => listDatasets(await ctx.workspace()),
  }),
  'dataset.profile': defineOperation({
    input: z.object({ dataset: datasetName }),
    handler: async (input, ctx) => profileDataset(await ctx.workspace(), input.dataset),
  }),
  'train.run': defineOperation({
    long: true,
    input: z.object({ dataset: datasetName, config: trainConfigSchema.optional() }),
    handler: async (input, ctx) =>
      trainRun(await ctx.workspace(), input.dataset, input.config ?? {}, {
        signal: ctx.signal,
        onProgress: (stage, done, total) => ctx.progress({ stage, done, total }),
      }),
  }),
  'train.compare': defineOperation({
    long: true,
    input: z.object({ dataset: datasetName, grid: compareGridSchema.optional() }),
    handler: async (input, ctx) =>
      compareConfigs(await ctx.workspace(), input.dataset, input.grid ?? {}, {
        signal: ctx.signal,
        onProgress: (done, total) => ctx.progress({ stage: 'training', done, total }),
        // One event stream per configuration, named in the message, so a screen can show each run's trees.
        onRunProgress: (name, stage, done, total) => ctx.progress({ stage: `run:${stage}`, done, total, message: name }),
      }),
  }),
  'runs.compare': defineOperation({
    input: z.object({ runIds: z.array(z.string().min(1).max(100)).min(2).max(20) }),
    handler: async (input, ctx) => compareRuns((await ctx.workspace()).db, input.runIds),
  }),
  'runs.note': defineOperation({
    input: z.object({ runId: z.string().min(1).max(100), note: z.string().max(10_000) }),
    handler: async (input, ctx) => {
      await setRunNote((await ctx.workspace()).db, input.runId, input.note);
      return { runId: input.runId, note: input.note };
    },
  }),
  'runs.archive': defineOperation({
    input: z.object({ runId: z.string().min(1).max(100), archived: z.boolean().default(true) }),
    handler: async (input, ctx) => {
      await setRunArchived((await ctx.workspace()).db, input.runId, input.archived);
      return { runId: input.runId, archived: input.archived };
    },
  }),
  'runs.list': defineOperation({
    input: z.object({ dataset: datasetName.optional(), includeArchived: z.boolean().optional() }),
    handler: async (input, ctx) => listRuns((await ctx.workspace()).db, input),
  }),
  'runs.evaluate': defineOperation({
    long: true,
    input: z.object({ runId: z.string().min(1).max(100) }),
    handler: async (input, ctx) => evaluateRun(await ctx.workspace(), input.runId),
  }),
  'risk.list': defineOperation({
    long: true,
    input: riskInput.extend(riskPage.shape),
    // Filtered, sorted and paged on this side: a screen asks only for the rows it shows.
    handler: async (input, ctx) => riskView(await cachedRiskList(await ctx.workspace(), input.runId, { from: input.from, to: input.to, asOf: input.asOf }), input),
  }),
  'risk.export': defineOperation({
    long: true,
    input: riskInput.extend({ out: z.string().min(1) }),
    handler: async (input, ctx) => {
      const view = riskView(await cachedRiskList(await ctx.workspace(), input.runId, { from: input.from, to: input.to, asOf: input.asOf }), input);
      const { rows, ...summary } = view;
      const written = await writeRiskCsv({ ...view, rows }, input.out);
      return { ...summary, file: input.out, appointments: written };
    },
  }),
  'risk.csv': defineOperation({
    long: true,
    input: riskInput,
    // The call list as text, for a browser download or a save dialog.
    handler: async (input, ctx) => {
      const view = riskView(await cachedRiskList(await ctx.workspace(), input.runId, { from: input.from, to: input.to, asOf: input.asOf }), input);
      return { fileName: `call-list-${input.runId}.csv`, rows: view.total, csv: riskCsv(view) + '\r\n' };
    },
  }),
  'runs.get': defineOperation({
    input: z.object({ runId: z.string().min(1).max(100) }),
    handler: async (input, ctx) => getRun((await ctx.workspace()).db, input.runId),
  }),
  'runs.leaderboard': defineOperation({
    input: z.object({ dataset: datasetName }),
    handler: async (input, ctx) => runsLeaderboard(await ctx.workspace(), input.dataset),
  }),
  'bundle.export': defineOperation({
    long: true,
    input: z.object({
      runId: z.string().min(1).max(100),
      out: z.string().min(1),
      name: z.string().min(1).max(200).optional(),
      version: z.string().regex(/^[\w.+-]{1,50}$/, 'versions use letters, digits, dot, plus, dash and underscore').optional(),
      sign: z.boolean().default(true),
    }),
    handler: async (input, ctx) => exportBundle(await ctx.workspace(), input.runId, input.out, input),
  }),
  'bundle.inspect': defineOperation({
    input: z.object({ bundle: z.string().min(1), trustedKeys: z.array(fingerprint).optional() }),
    handler: async (input) => {
      const b = openBundle(input.bundle, { trustedKeys: input.trustedKeys });
      return { manifest: b.manifest, signature: b.signature, calibration: b.pipeline.calibration?.method ?? 'none', columns: b.pipeline.features.columns, trees: b.ensemble.numTrees, modelCard: b.modelCard };
    },
  }),
  'bundle.validate': defineOperation({
    long: true,
    input: z.object({
      bundle: z.string().min(1),
      dataset: datasetName,
      recalibrate: z.enum(['platt', 'isotonic']).optional(),
      trustedKeys: z.array(fingerprint).optional(),
    }),
    handler: async (input, ctx) => validateBundle(await ctx.workspace(), input.bundle, input.dataset, input),
  }),
  'bundle.score': defineOperation({
    long: true,
    input: z.object({
      bundle: z.string().min(1),
      data: z.string().min(1),
      out: z.string().min(1),
      mapping: mappingSchema.optional(),
      trustedKeys: z.array(fingerprint).optional(),
    }),
    handler: async (input, ctx) =>
      scoreWithBundle(input.bundle, input.data, input.out, {
        mapping: input.mapping,
        trustedKeys: input.trustedKeys,
        signal: ctx.signal,
        onProgress: (p) => ctx.progress({ stage: 'scoring', done: p.bytesRead, total: p.totalBytes, message: `${p.rowsRead} rows` }),
      }),
  }),
  'bundle.signingKey': defineOperation({
    input: z.object({}),
    handler: async (_input, ctx) => {
      const key = await trustSigningKey((await ctx.workspace()).db);
      return { algorithm: 'ed25519', publicKey: key.publicKey, fingerprint: key.fingerprint };
    },
  }),
  'metrics.predictions': defineOperation({
    input: z.object({ file: z.string().min(1), label: z.string().min(1).optional(), score: z.string().min(1).optional() }),
    handler: async (input) => {
      const { labels, scores } = readPredictionsCsv(input.file, { label: input.label, score: input.score });
      return evaluatePredictions(labels, scores);
    },
  }),
};

export type Operations = typeof operations;
export type OperationName = keyof Operations;
/** What a caller sends for an operation (defaults may be left out). */
export type OperationInput<N extends OperationName> = z.input<Operations[N]['input']>;
/** What an operation returns. */
export type OperationOutput<N extends OperationName> = Awaited<ReturnType<Operations[N]['handler']>>;
