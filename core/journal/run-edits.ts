import type { Db } from '../workspace/index.ts';

/** Set the analyst's note of a run (the one field of a run that may change after training). */
export async function setRunNote(db: Db, id: string, note: string): Promise<void> {
  const r = await db.run('UPDATE runs SET note = ? WHERE id = ?', [note, id]);
  if (r.changes === 0) throw new Error(`no run '${id}' in this workspace`);
}

/** Archive (hide from the default list) or restore a run; nothing is deleted. */
export async function setRunArchived(db: Db, id: string, archived: boolean): Promise<void> {
  const r = await db.run('UPDATE runs SET archived = ? WHERE id = ?', [archived ? 1 : 0, id]);
  if (r.changes === 0) throw new Error(`no run '${id}' in this workspace`);
}
