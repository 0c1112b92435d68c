import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHostSession, type HostSession } from '../../core/host/index.ts';
import type { FromCore, ToCore } from '../../electron/core-protocol.ts';
import { serveCore } from '../../electron/core-service.ts';

/** Runs serveCore on a real session over an in-memory channel; the test plays main. */
function harness() {
  const dir = mkdtempSync(join(tmpdir(), 'attend-core-service-'));
  const session: HostSession = createHostSession(join(dir, 'ws.sqlite'));
  const received: FromCore[] = [];
  const waiters: Array<() => void> = [];
  let deliver: (m: unknown) => void = () => undefined;
  const served = serveCore(
    {
      post: (m) => {
        received.push(m);
        for (const w of waiters.splice(0)) w();
      },
      onMessage: (listener) => (deliver = listener),
    },
    session,
  );
  const send = (m: ToCore) => deliver(m);
  /** Resolves with the first message received that matches. */
  const next = async (match: (m: FromCore) => boolean): Promise<FromCore> => {
    for (;;) {
      const found = received.find(match);
      if (found) return found;
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  const answer = (id: number) => next((m) => (m.kind === 'result' || m.kind === 'error') && m.id === id);
  return { dir, session, received, send, next, answer, served };
}

let open: HostSession | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

describe('core service (inside the core process)', () => {
  it('says ready, then runs calls through the operation map', async () => {
    const h = harness();
    open = h.session;
    expect(h.received[0]).toEqual({ kind: 'ready' });
    h.send({ kind: 'call', id: 1, name: 'datasets.list', input: {} });
    expect(await h.answer(1)).toEqual({ kind: 'result', id: 1, result: [] });
  });

  it("answers bad calls with the core's own messages", async () => {
    const h = harness();
    open = h.session;
    h.send({ kind: 'call', id: 1, name: 'dataset.profile', input: { dataset: '' } });
    h.send({ kind: 'call', id: 2, name: 'no.such', input: {} });
    h.send({ kind: 'call', id: 3, name: 'dataset.profile', input: { dataset: 'missing' } });
    expect(await h.answer(1)).toEqual({ kind: 'error', id: 1, message: 'dataset.profile: invalid dataset: Too small: expected string to have >=1 characters' });
    expect(await h.answer(2)).toEqual({ kind: 'error', id: 2, message: "unknown operation 'no.such'" });
    const missing = await h.answer(3);
    expect(missing.kind).toBe('error');
    expect((missing as { message: string }).message).toContain('missing');
    // Messages that are not calls are ignored.
    h.send({ kind: 'call', id: -1, name: 'datasets.list', input: {} } as ToCore);
    h.send('hello' as unknown as ToCore);
  });

  it('tags progress with the call it belongs to when calls run side by side', async () => {
    const h = harness();
    open = h.session;
    const csv = join(h.dir, 'extract.csv');
    h.send({ kind: 'call', id: 1, name: 'demo.generate', input: { out: csv, rows: 3000, seed: 4 } });
    expect((await h.answer(1)).kind).toBe('result');
    h.send({ kind: 'call', id: 2, name: 'import.run', input: { file: csv, dataset: 'd1' } });
    h.send({ kind: 'call', id: 3, name: 'demo.generate', input: { out: join(h.dir, 'other.csv'), rows: 120_000, seed: 5 } });
    expect((await h.answer(2)).kind).toBe('result');
    expect((await h.answer(3)).kind).toBe('result');
    const progress = h.received.filter((m): m is Extract<FromCore, { kind: 'progress' }> => m.kind === 'progress');
    const stagesOf = (id: number) => [...new Set(progress.filter((p) => p.id === id).map((p) => `${p.event.operation}/${p.event.stage}`))];
    expect(stagesOf(1)).toEqual(['demo.generate/writing']);
    expect(stagesOf(2)).toEqual(['import.run/importing']);
    expect(stagesOf(3)).toEqual(['demo.generate/writing']);
    expect(progress.every((p) => [1, 2, 3].includes(p.id))).toBe(true);
  });

  it("cancel aborts that call's AbortSignal", async () => {
    const h = harness();
    open = h.session;
    h.send({ kind: 'call', id: 7, name: 'demo.generate', input: { out: join(h.dir, 'big.csv'), rows: 4_000_000, seed: 1 } });
    await h.next((m) => m.kind === 'progress' && m.id === 7);
    h.send({ kind: 'cancel', id: 7 });
    expect(await h.answer(7)).toEqual({ kind: 'error', id: 7, message: 'cancelled' });
  });

  it('shuts down: aborts running calls and closes the workspace', async () => {
    const h = harness();
    h.send({ kind: 'call', id: 1, name: 'datasets.list', input: {} });
    await h.answer(1);
    h.send({ kind: 'call', id: 2, name: 'demo.generate', input: { out: join(h.dir, 'big.csv'), rows: 4_000_000, seed: 1 } });
    await h.next((m) => m.kind === 'progress' && m.id === 2);
    h.send({ kind: 'shutdown' });
    await h.served;
    expect(await h.answer(2)).toEqual({ kind: 'error', id: 2, message: 'cancelled' });
    h.send({ kind: 'call', id: 3, name: 'datasets.list', input: {} });
    expect(await h.answer(3)).toEqual({ kind: 'error', id: 3, message: 'the host is closing' });
  });
});
