import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../core/api/index.ts';
import { createCoreRelay } from '../../electron/core-relay.ts';
import { fakeSpawner, flush } from './helpers/fake-core.ts';

describe('core relay', () => {
  it('starts the core with the first call and holds calls until it is ready', async () => {
    const { spawn, cores } = fakeSpawner();
    const relay = createCoreRelay(spawn);
    expect(relay.started).toBe(0);
    const a = relay.call('datasets.list', {});
    const b = relay.call('runs.list', { dataset: 'demo' });
    expect([a.id, b.id]).toEqual([1, 2]);
    expect(relay.started).toBe(1);
    expect(cores[0].sent).toEqual([]);
    cores[0].reply({ kind: 'ready' });
    expect(cores[0].sent).toEqual([
      { kind: 'call', id: 1, name: 'datasets.list', input: {} },
      { kind: 'call', id: 2, name: 'runs.list', input: { dataset: 'demo' } },
    ]);
    cores[0].reply({ kind: 'result', id: 2, result: ['run-1'] });
    cores[0].reply({ kind: 'result', id: 1, result: ['demo'] });
    expect(await a.result).toEqual(['demo']);
    expect(await b.result).toEqual(['run-1']);
  });

  it('can start the core before the first call', () => {
    const { spawn, cores } = fakeSpawner();
    const relay = createCoreRelay(spawn);
    relay.warmUp();
    relay.warmUp();
    expect(cores.length).toBe(1);
  });

  it('gives each call only its own progress events', async () => {
    const { spawn, cores } = fakeSpawner();
    const relay = createCoreRelay(spawn);
    const seen: Array<[string, ProgressEvent]> = [];
    const a = relay.call('train.run', { dataset: 'demo' }, (e) => seen.push(['a', e]));
    relay.call('import.run', { file: '/x.csv' }, (e) => seen.push(['b', e]));
    cores[0].reply({ kind: 'ready' });
    cores[0].reply({ kind: 'progress', id: 2, event: { operation: 'import.run', stage: 'importing', done: 1, total: 4 } });
    cores[0].reply({ kind: 'progress', id: 1, event: { operation: 'train.run', stage: 'training', done: 2, total: 9 } });
    cores[0].reply({ kind: 'result', id: 1, result: 'ok' });
    await a.result;
    // Progress after the end of a call is dropped.
    cores[0].reply({ kind: 'progress', id: 1, event: { operation: 'train.run', stage: 'late', done: 9 } });
    expect(seen).toEqual([
      ['b', { operation: 'import.run', stage: 'importing', done: 1, total: 4 }],
      ['a', { operation: 'train.run', stage: 'training', done: 2, total: 9 }],
    ]);
  });

  it('cancels by id: a sent call is cancelled in the core, a queued one never leaves main', async () => {
    const { spawn, cores } = fakeSpawner();
    const relay = createCoreRelay(spawn);
    const queued = relay.call('train.run', { dataset: 'demo' });
    expect(relay.cancel(queued.id)).toBe(true);
    await expect(queued.result).rejects.toThrow(/^cancelled$/);
    const running = relay.call('train.run', { dataset: 'demo' });
    cores[0].reply({ kind: 'ready' });
    expect(relay.cancel(running.id)).toBe(true);
    expect(relay.cancel(12345)).toBe(false);
    expect(cores[0].sent).toEqual([
      { kind: 'call', id: 2, name: 'train.run', input: { dataset: 'demo' } },
      { kind: 'cancel', id: 2 },
    ]);
    cores[0].reply({ kind: 'error', id: 2, message: 'training cancelled' });
    await expect(running.result).rejects.toThrow(/^training cancelled$/);
  });

  it('rejects every pending call when the core dies, and restarts it', async () => {
    const { spawn, cores } = fakeSpawner();
    const crashes: string[] = [];
    const relay = createCoreRelay(spawn, { onCrash: (m) => crashes.push(m) });
    const train = relay.call('train.run', { dataset: 'demo' });
    const list = relay.call('runs.list', {});
    cores[0].reply({ kind: 'ready' });
    // For example a WebAssembly abort that takes the whole process down.
    cores[0].die(134);
    await expect(train.result).rejects.toThrow(
      "the core process stopped unexpectedly (exit code 134) while running 'train.run'; Attend has restarted it, so the operation can be run again",
    );
    await expect(list.result).rejects.toThrow("the core process stopped unexpectedly (exit code 134) while running 'runs.list'");
    expect(crashes).toEqual(['core process exited (exit code 134)']);
    expect(relay.started).toBe(2);
    // The old process is gone: anything it still says is ignored.
    cores[0].reply({ kind: 'result', id: 1, result: 'stale' });
    const again = relay.call('train.run', { dataset: 'demo' });
    cores[1].reply({ kind: 'ready' });
    expect(cores[1].sent).toEqual([{ kind: 'call', id: 3, name: 'train.run', input: { dataset: 'demo' } }]);
    cores[1].reply({ kind: 'result', id: 3, result: { runId: 'r2' } });
    expect(await again.result).toEqual({ runId: 'r2' });
  });

  it('reports a core that could not start, and tries again only with the next call', async () => {
    const { spawn, cores } = fakeSpawner();
    const relay = createCoreRelay(spawn);
    const first = relay.call('datasets.list', {});
    cores[0].reply({ kind: 'fatal', message: 'could not create the demo workspace /x/demo.sqlite: EACCES' });
    cores[0].die(1);
    await expect(first.result).rejects.toThrow('the core process could not start: could not create the demo workspace /x/demo.sqlite: EACCES');
    expect(relay.started).toBe(1);
    const second = relay.call('datasets.list', {});
    cores[1].die(null);
    await expect(second.result).rejects.toThrow("the core process stopped while starting (no exit code); 'datasets.list' did not run");
    expect(relay.started).toBe(2);
  });

  it('fails a call whose input cannot be sent, and only that call', async () => {
    const { spawn, cores } = fakeSpawner();
    const relay = createCoreRelay(() => {
      const proc = spawn();
      return { ...proc, postMessage: (m) => (m.kind === 'call' && m.name === 'bad' ? (() => { throw new Error('could not be cloned'); })() : proc.postMessage(m)) };
    });
    relay.call('x', {});
    cores[0].reply({ kind: 'ready' });
    const bad = relay.call('bad', {});
    await expect(bad.result).rejects.toThrow("could not send 'bad' to the core process: could not be cloned");
  });

  it('closes: asks the core to shut down, rejects what is pending, refuses new calls', async () => {
    const { spawn, cores } = fakeSpawner({ exitOnShutdown: true });
    const relay = createCoreRelay(spawn);
    const pending = relay.call('train.run', { dataset: 'demo' });
    cores[0].reply({ kind: 'ready' });
    await relay.close();
    expect(cores[0].sent.at(-1)).toEqual({ kind: 'shutdown' });
    expect(cores[0].killed).toBe(false);
    await expect(pending.result).rejects.toThrow(/^the app is closing$/);
    await expect(relay.call('datasets.list', {}).result).rejects.toThrow(/^the app is closing$/);
    expect(relay.started).toBe(1);
  });

  it('kills a core that does not exit within the grace period', async () => {
    const { spawn, cores } = fakeSpawner();
    const relay = createCoreRelay(spawn, { shutdownGraceMs: 10 });
    relay.warmUp();
    cores[0].reply({ kind: 'ready' });
    await relay.close();
    expect(cores[0].killed).toBe(true);
    await flush();
    expect(relay.started).toBe(1);
  });
});
