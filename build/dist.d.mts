/** Types of build/dist.mjs, for the tests that import it. */
export declare const BUILDER_CONFIG: string;
/** Why packaging cannot start (the Electron binary is missing), or null when it can. */
export declare function electronBinaryProblem(resolve?: () => unknown): string | null;
/** The electron-builder command line for the user's options. */
export declare function electronBuilderArgs(userArgs: string[], electronDistDir: string | null): string[];
