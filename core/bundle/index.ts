/** Model bundles: the files another trust receives with a model. */
export { sqlFloat, treesSql } from './sql-trees.ts';
export type { TreesSqlOptions } from './sql-trees.ts';
export { XGBOOST_JSON_VERSION, modelJson, modelJsonText, shortestFloat32 } from './model-json.ts';
export type { ModelJsonOptions, XgbJsonModel, XgbJsonTree } from './model-json.ts';
