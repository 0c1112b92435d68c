/** A file path in a folder, with the folder's own separator (a Windows folder keeps its backslashes). */
export function joinPath(folder: string, fileName: string): string {
  const dir = folder.trim();
  const windows = /^[A-Za-z]:\\|^\\\\/.test(dir) || (dir.includes('\\') && !dir.includes('/'));
  const sep = windows ? '\\' : '/';
  // Trailing separators go; a root ("/" or a drive such as C:) keeps exactly one.
  return `${dir.replace(/[\\/]+$/, '')}${sep}${fileName}`;
}

/** The default bundle file name: attend-model-<dataset>-<version>.zip, in characters every file system takes. */
export function bundleFileName(dataset: string | null, version: string): string {
  const part = (s: string) => s.trim().replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  const name = ['attend-model', part(dataset ?? ''), part(version)].filter((p) => p !== '').join('-');
  return `${name}.zip`;
}

/** Why a bundle path cannot be written, or null when it looks usable (the core checks the rest). */
export function bundlePathProblem(folder: string, fileName: string): string | null {
  if (folder.trim() === '') return 'Folder: type the folder to save the bundle in, such as C:\\Users\\you\\Documents or /home/you/models';
  const name = fileName.trim();
  if (name === '') return 'File name: give the bundle a file name ending in .zip (or no extension for a folder)';
  if (/[\\/]/.test(name)) return `File name: '${name}' contains a folder separator; put the folder in the Folder field`;
  return null;
}
