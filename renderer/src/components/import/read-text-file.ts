/** The text of a file the analyst chose, read with FileReader (UTF-8). */
export function readTextFile(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(new Error(`${file.name}: could not be read (${reader.error?.message ?? 'unknown error'})`));
    reader.readAsText(file, 'utf-8');
  });
}
