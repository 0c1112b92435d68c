import { z } from 'zod';
import { defineOperation } from './operation.ts';
import { writeDemoExtract } from '../demo/index.ts';
import { importExtract, previewExtract } from '../import/index.ts';
import { listDatasets, profileDataset } from '../profile/index.ts';
import { compareConfigs, compareGridSchema, evaluateRun, trainConfigSchema, trainRun } from '../train/index.ts';
import { compareRuns, getRun, listRuns, setRunArchived, setRunNote } from '../journal/index.ts';
import { riskList, writeRiskCsv } from '../risk/index.ts';
import { evaluatePredictions, readPredictionsCsv } from '../evaluate/index.ts';
import { EXTRACT_FIELDS, type MappingFile } from '../import/types.ts';

const outcomeSchema = z.enum(['attended', 'dna', 'patient_cancelled', 'hospital_cancelled', 'upcoming', 'unknown']);

/** Schema of a mapping file; unknown keys are refused so typos do not pass silently. */
export const mappingSchema: z.ZodType<MappingFile> = z
  .object({
    columns: z.partialRecord(z.enum(EXTRACT_FIELDS), z.string().min(1)).optional(),
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

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use yyyy-mm-dd');
const riskInput = z.object({
  runId: z.string().min(1).max(100),
  from: isoDate.optional(),
  to: isoDate.optional(),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, 'use yyyy-mm-dd or yyyy-mm-ddThh:mm').optional(),
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
    input: riskInput,
    handler: async (input, ctx) => riskList(await ctx.workspace(), input.runId, input),
  }),
  'risk.export': defineOperation({
    long: true,
    input: riskInput.extend({ out: z.string().min(1) }),
    handler: async (input, ctx) => {
      const list = await riskList(await ctx.workspace(), input.runId, input);
      const rows = await writeRiskCsv(list, input.out);
      const { rows: _rows, ...summary } = list;
      return { ...summary, file: input.out, appointments: rows };
    },
  }),
  'runs.get': defineOperation({
    input: z.object({ runId: z.string().min(1).max(100) }),
    handler: async (input, ctx) => getRun((await ctx.workspace()).db, input.runId),
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
