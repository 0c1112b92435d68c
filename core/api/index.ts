export { operations, mappingSchema } from './operations.ts';
export type { Operations, OperationName, OperationInput, OperationOutput } from './operations.ts';
export { dispatch, isOperationName } from './dispatch.ts';
export { defineOperation, InputError } from './operation.ts';
export type { Operation, OperationContext, ProgressEvent } from './operation.ts';
export type { ImportReport, ImportPreview, ImportIssue, MappingFile, Outcome, ExtractField } from '../import/types.ts';
export type { DatasetProfile, DatasetSummary, RateRow, MissingnessRow, SuppressedCount } from '../profile/types.ts';
