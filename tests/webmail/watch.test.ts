// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchRoots, type WatchBatch } from '../../lib/webmail/watch';
import { FakeContext, flushMicrotasks } from './fake-context';

describe('watchRoots', () => {
  let ctx: FakeContext;
  let main: HTMLElement;
  let batches: WatchBatch[];
  const clearTimeoutSpy = vi.fn();

  beforeEach(() => {
    ctx = new FakeContext();
    // The watcher clears its pending debounce with the global clearTimeout: route it to the fake clock.
    vi.stubGlobal('clearTimeout', (id: number) => {
      clearTimeoutSpy(id);
      ctx.clear(id);
    });
    document.body.replaceChildren();
    main = document.createElement('div');
    main.setAttribute('role', 'main');
    document.body.append(main);
    batches = [];
  });
  afterEach(() => vi.unstubAllGlobals());

  const start = (roots = () => [...document.querySelectorAll<HTMLElement>('[role=main]')]) =>
    watchRoots(ctx, { roots, onBatch: (batch) => batches.push(batch), debounceMs: 100, maxWaitMs: 400, now: () => ctx.now });

  it('starts with one full pass over the roots', () => {
    start();
    ctx.advance(100);
    expect(batches).toEqual([{ roots: [main], added: [], full: true }]);
  });

  it('coalesces a burst of added nodes into one batch with the outermost nodes', async () => {
    start();
    ctx.advance(100);
    batches = [];
    const table = document.createElement('table');
    main.append(table);
    await flushMicrotasks();
    const row = document.createElement('tr');
    table.append(row);
    const other = document.createElement('div');
    main.append(other);
    await flushMicrotasks();
    ctx.advance(99);
    expect(batches).toHaveLength(0);
    ctx.advance(1);
    expect(batches).toHaveLength(1);
    expect(batches[0]?.added).toEqual([table, other]);
    expect(batches[0]?.full).toBe(false);
  });

  it('still runs within maxWait while mutations keep coming', async () => {
    start();
    ctx.advance(100);
    batches = [];
    for (let i = 0; i < 10; i++) {
      main.append(document.createElement('p'));
      await flushMicrotasks();
      ctx.advance(60);
    }
    expect(batches.length).toBeGreaterThanOrEqual(1);
    expect(batches[0]?.added.length).toBeGreaterThan(1);
  });

  it('runs a batch for the root a node was removed from', async () => {
    const chip = document.createElement('div');
    main.append(chip);
    start();
    ctx.advance(100);
    batches = [];
    chip.remove();
    await flushMicrotasks();
    ctx.advance(100);
    expect(batches).toEqual([{ roots: [main], added: [], full: false }]);
  });

  it('ignores nodes outside the roots and our own inserted nodes', async () => {
    start();
    ctx.advance(100);
    batches = [];
    document.body.append(document.createElement('aside'));
    const ours = document.createElement('span');
    ours.setAttribute('data-bounce-sweeper', 'badge');
    main.append(ours);
    await flushMicrotasks();
    ctx.advance(1000);
    ours.remove();
    await flushMicrotasks();
    ctx.advance(1000);
    expect(batches).toEqual([]);
  });

  it('picks up a root that appears later (navigation) with a full pass', async () => {
    main.remove();
    start();
    ctx.advance(100);
    expect(batches).toEqual([]);
    const later = document.createElement('div');
    later.setAttribute('role', 'main');
    document.body.append(later);
    ctx.advance(1000);
    ctx.advance(100);
    expect(batches).toEqual([{ roots: [later], added: [], full: true }]);
  });

  it('observes nested roots once', async () => {
    const inner = document.createElement('div');
    inner.className = 'inner';
    main.append(inner);
    start(() => [main, inner]);
    ctx.advance(100);
    expect(batches[0]?.roots).toEqual([main]);
  });

  it('stops with the content-script context', async () => {
    start();
    ctx.advance(100);
    batches = [];
    ctx.invalidate();
    main.append(document.createElement('p'));
    await flushMicrotasks();
    ctx.advance(1000);
    expect(batches).toEqual([]);
  });
});
