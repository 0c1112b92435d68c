import type { Db } from '../workspace/index.ts';

/** A dataset's row in the datasets table. */
export interface DatasetRecord {
  id: number;
  name: string;
  updatedAt: string;
}

/** The dataset called `name`; an unknown name is an error listing the datasets that exist. */
export async function findDataset(db: Db, name: string): Promise<DatasetRecord> {
  const found = await db.get<DatasetRecord>('SELECT id, name, updated_at AS updatedAt FROM datasets WHERE name = ?', [name]);
  if (found) return found;
  const names = (await db.all<{ name: string }>('SELECT name FROM datasets ORDER BY name')).map((r) => r.name);
  throw new Error(
    names.length === 0
      ? `unknown dataset "${name}": this workspace has no datasets yet; import an extract first`
      : `unknown dataset "${name}"; datasets in this workspace: ${names.map((n) => `"${n}"`).join(', ')}`,
  );
}
