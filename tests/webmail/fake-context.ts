/**
 * A stand-in for WXT's ContentScriptContext with a hand-driven clock: tests advance time themselves,
 * so nothing depends on real timing. Only the scheduling is fake; the DOM, the observers and the
 * code under test are real.
 */
import type { WatchContext } from '../../lib/webmail/watch';

export class FakeContext implements WatchContext {
  now = 0;
  private nextId = 1;
  private timers = new Map<number, { at: number; run: () => void; every?: number }>();
  private invalidated: Array<() => void> = [];
  isInvalid = false;

  setTimeout(handler: () => void, timeout = 0): number {
    const id = this.nextId++;
    this.timers.set(id, { at: this.now + timeout, run: handler });
    return id;
  }
  setInterval(handler: () => void, timeout = 0): number {
    const id = this.nextId++;
    this.timers.set(id, { at: this.now + timeout, run: handler, every: timeout });
    return id;
  }
  clear(id: number): void {
    this.timers.delete(id);
  }
  onInvalidated(cb: () => void): () => void {
    this.invalidated.push(cb);
    return () => undefined;
  }
  invalidate(): void {
    this.isInvalid = true;
    for (const cb of this.invalidated) cb();
    this.timers.clear();
  }
  /** Runs every timer due up to now + ms, in time order. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      const [id, timer] = due;
      this.now = timer.at;
      if (timer.every !== undefined) timer.at += Math.max(1, timer.every);
      else this.timers.delete(id);
      timer.run();
    }
    this.now = end;
  }
  /** Lets observers (microtasks) and timers run in turn for `ms` of fake time, 10 ms a step. */
  async runFor(ms: number): Promise<void> {
    for (let t = 0; t < ms; t += 10) {
      await flushMicrotasks();
      this.advance(10);
    }
    await flushMicrotasks();
  }
}

/** Lets MutationObserver callbacks (microtasks) run. */
export const flushMicrotasks = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
