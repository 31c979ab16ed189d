/**
 * The sweep's control in the webmail page (issue #11): a small box in a corner with the search
 * (editable, remembered by the sweep), the start button, and the progress with Pause, Resume and
 * Cancel. Built with DOM methods and textContent only (webmail pages enforce Trusted Types, and
 * nothing of the page goes in). Test contract (keep stable):
 *   [data-bounce-sweeper="sweep-start"]     the start control
 *   [data-bounce-sweeper="sweep-progress"]  data-state="running|paused|done|stopped", data-found,
 *                                           data-read, data-bounces; its text says why it stopped
 *   [data-bounce-sweeper="sweep-tidy"]      after a sweep: move its read notices out of the inbox
 *   [data-bounce-sweeper="sweep-tidy-words"] data-state="idle|running|done|stopped", data-done,
 *                                           data-left, data-last-batch; what it did and how to
 *                                           undo it (./tidy.ts)
 */
import type { SweepStatus } from '../../messaging';
import { SWEEP_WORDS, TIDY_WORDS, describeSweepProgress, describeTidy } from '../../vocabulary';
import { HOOK } from '../inline-ui';
import type { SweepDriver } from './driver';
import { canTidy, type TidyRunner } from './tidy';

export interface SweepPanel {
  element: HTMLElement;
  update(): void;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, hook: string, style: Partial<CSSStyleDeclaration> = {}): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  node.setAttribute(HOOK, hook);
  Object.assign(node.style, style);
  return node;
}

const BUTTON: Partial<CSSStyleDeclaration> = { font: 'inherit', padding: '2px 10px', marginRight: '6px', cursor: 'pointer', borderRadius: '4px', border: '1px solid #9aa0a6', background: '#fff' };

export function createSweepPanel(
  doc: Document,
  driver: SweepDriver,
  options: { defaultQuery: string; withQuery?: boolean; tidy?: { runner: TidyRunner; start(): Promise<void> } },
): SweepPanel {
  const box = el(doc, 'div', 'sweep-panel', {
    position: 'fixed',
    left: '12px',
    bottom: '12px',
    zIndex: '2147483000',
    maxWidth: '360px',
    padding: '8px 10px',
    background: '#fff',
    color: '#202124',
    border: '1px solid #dadce0',
    borderRadius: '8px',
    boxShadow: '0 1px 4px rgba(0,0,0,.2)',
    font: '13px/1.4 system-ui, sans-serif',
  });
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', SWEEP_WORDS.title);

  const title = el(doc, 'div', 'sweep-title', { fontWeight: '600', marginBottom: '4px' });
  title.textContent = `Bounce Sweeper: ${SWEEP_WORDS.title.toLowerCase()}`;
  const query = el(doc, 'input', 'sweep-query', { width: '100%', boxSizing: 'border-box', font: 'inherit', marginBottom: '6px' });
  query.type = 'text';
  query.setAttribute('aria-label', SWEEP_WORDS.queryLabel);
  query.value = options.defaultQuery;
  const start = el(doc, 'button', 'sweep-start', BUTTON);
  start.type = 'button';
  const pause = el(doc, 'button', 'sweep-pause', BUTTON);
  pause.type = 'button';
  pause.textContent = SWEEP_WORDS.pause;
  const resume = el(doc, 'button', 'sweep-resume', BUTTON);
  resume.type = 'button';
  resume.textContent = SWEEP_WORDS.resume;
  const cancel = el(doc, 'button', 'sweep-cancel', BUTTON);
  cancel.type = 'button';
  cancel.textContent = SWEEP_WORDS.cancel;
  const progress = el(doc, 'div', 'sweep-progress', { marginTop: '6px' });
  progress.setAttribute('role', 'status');
  progress.setAttribute('aria-live', 'polite');
  const bar = el(doc, 'progress', 'sweep-bar', { width: '100%', display: 'block' });
  const words = el(doc, 'div', 'sweep-words');
  progress.append(bar, words);
  const buttons = el(doc, 'div', 'sweep-buttons');
  buttons.append(start, pause, resume, cancel);
  // Processed notices out of the way (issue #11): one explicit button after a sweep, and what it did.
  const tidyButton = el(doc, 'button', 'sweep-tidy', { ...BUTTON, marginTop: '6px' });
  tidyButton.type = 'button';
  const tidyWords = el(doc, 'div', 'sweep-tidy-words', { marginTop: '4px', color: '#3c4043' });
  tidyWords.setAttribute('role', 'status');
  tidyWords.setAttribute('aria-live', 'polite');
  const tidyBox = el(doc, 'div', 'sweep-tidy-box');
  tidyBox.append(tidyButton, tidyWords);
  box.append(title, ...(options.withQuery === false ? [] : [query]), buttons, progress, ...(options.tidy ? [tidyBox] : []));

  let busy = false;
  const act = (work: () => Promise<void>) => async () => {
    if (busy) return;
    busy = true;
    update();
    try {
      await work();
    } finally {
      busy = false;
      update();
    }
  };
  start.addEventListener('click', act(() => driver.start(query.value)));
  pause.addEventListener('click', act(() => driver.pause()));
  resume.addEventListener('click', act(() => driver.resume()));
  cancel.addEventListener('click', act(() => driver.cancel()));
  const tidy = options.tidy;
  if (tidy) {
    tidyButton.addEventListener('click', act(() => tidy.start()));
    tidy.runner.onChange(() => update());
  }

  let queryTouched = false;
  query.addEventListener('input', () => {
    queryTouched = true;
  });

  /** Sets an attribute or text only when it differs (each write costs the page a style pass). */
  const setAttr = (node: Element, name: string, value: string) => {
    if (node.getAttribute(name) !== value) node.setAttribute(name, value);
  };
  const setText = (node: HTMLElement, value: string) => {
    if (node.textContent !== value) node.textContent = value;
  };
  const setHidden = (node: HTMLElement, value: boolean) => {
    if (node.hidden !== value) node.hidden = value;
  };

  function update(): void {
    const status: SweepStatus | null = driver.status;
    const phase = driver.phase;
    const state = status?.state ?? '';
    const active = phase !== 'idle' && state === 'running';
    if (status && !queryTouched && status.query) query.value = status.query;
    setText(start, state === 'stopped' && !status?.stopReason.startsWith(SWEEP_WORDS.cancelled) ? SWEEP_WORDS.continue : state === 'done' ? SWEEP_WORDS.again : SWEEP_WORDS.start);
    // Never two things at once on the page: no new sweep while read notices are being moved.
    setHidden(start, active || state === 'paused' || options.tidy?.runner.status.state === 'running');
    if (start.disabled !== busy) start.disabled = busy;
    setHidden(pause, !active);
    setHidden(resume, state !== 'paused');
    setHidden(cancel, !(active || state === 'paused'));
    if (query.disabled !== active) query.disabled = active;
    setHidden(progress, !status);
    if (!status) {
      setHidden(tidyBox, true);
      return;
    }
    setAttr(progress, 'data-state', status.state);
    setAttr(progress, 'data-found', String(status.found));
    setAttr(progress, 'data-read', String(status.read));
    setAttr(progress, 'data-bounces', String(status.bounces));
    setAttr(progress, 'data-failed', String(status.failed));
    setAttr(progress, 'data-phase', phase);
    const max = Math.max(1, status.found);
    if (bar.max !== max) bar.max = max;
    if (bar.value !== status.read + status.failed) bar.value = status.read + status.failed;
    setText(words, describeSweepProgress(status, phase));
    if (tidy) {
      const tidyStatus = tidy.runner.status;
      const offered = canTidy(status, phase, tidyStatus);
      setHidden(tidyBox, !offered && tidyStatus.state === 'idle');
      setHidden(tidyButton, !offered);
      if (tidyButton.disabled !== busy) tidyButton.disabled = busy;
      setText(tidyButton, TIDY_WORDS.action(status.webmail, status.read));
      setAttr(tidyWords, 'data-state', tidyStatus.state);
      setAttr(tidyWords, 'data-done', String(tidyStatus.done));
      setAttr(tidyWords, 'data-left', String(tidyStatus.left));
      setAttr(tidyWords, 'data-last-batch', String(tidyStatus.lastBatch));
      setText(tidyWords, describeTidy(tidyStatus, status.webmail));
      // The webmail's own Undo message shows in the same corner (Gmail's at the bottom left): once
      // notices were moved, the box stands above it so that Undo stays in reach.
      const bottom = tidyStatus.state === 'done' || tidyStatus.state === 'stopped' ? '96px' : '12px';
      if (box.style.bottom !== bottom) box.style.bottom = bottom;
    }
  }

  // The driver tells of every step (several per notice): draw at most every 100 ms, writing only what changed.
  let scheduled = false;
  driver.onChange(() => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      update();
    }, 100);
  });
  update();
  return { element: box, update };
}
