/**
 * Puts a sweep into a webmail page (issue #11): the driver over the webmail's source, the panel in
 * the page, the popup's commands, and the continuation of a sweep that was running when the page
 * was reloaded. Everything ends with the content script's context.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { RuntimeContext, WebmailRuntime } from '../runtime';
import { createSweepDriver, type SweepDriver, type SweepMessenger, type SweepSource } from './driver';
import { createSweepPanel } from './panel';
import { SweepCommandSchema, isFromExtensionPage, onSweepCommand } from './tab-commands';
import { canTidy, createTidyRunner, type TidyTarget } from './tidy';

export interface MountedSweep {
  driver: SweepDriver;
  stop(): void;
}

export function mountSweep(
  ctx: RuntimeContext,
  source: SweepSource,
  options: { messenger?: SweepMessenger; doc?: Document; runtime?: Pick<WebmailRuntime, 'learn'>; tidy?: TidyTarget } = {},
): MountedSweep {
  const doc = options.doc ?? document;
  const driver = createSweepDriver(source, { messenger: options.messenger, isInvalid: () => ctx.isInvalid, onReported: (id, result) => options.runtime?.learn(id, result) });
  // Processed notices out of the way (issue #11): only on an explicit click, here or in the popup.
  const tidy = options.tidy ? createTidyRunner(options.tidy) : undefined;
  const startTidy = async () => {
    if (tidy && canTidy(driver.status, driver.phase, tidy.status)) await tidy.start(driver.status);
  };
  const panel = createSweepPanel(doc, driver, { defaultQuery: source.defaultQuery, withQuery: source.defaultQuery !== '', tidy: tidy && { runner: tidy, start: startTidy } });
  const place = () => {
    if (!panel.element.isConnected && doc.body) doc.body.append(panel.element);
  };
  place();
  // A webmail that rebuilds its body (Outlook) takes our box with it: put it back, at most once a second.
  const timer = ctx.setInterval(place, 1000);

  const self = { id: browser.runtime.id, origin: (browser.runtime as unknown as { getURL(path: string): string }).getURL('/') };
  const removeListener = onSweepCommand('sweepCommand', async (message) => {
    if (!isFromExtensionPage(message.sender, self)) throw new Error('sweepCommand: only the extension may steer a sweep');
    const command = v.parse(SweepCommandSchema, message.data);
    if (command.action === 'start') {
      if (tidy?.status.state !== 'running') await driver.start(command.query);
    } else if (command.action === 'tidy') await startTidy();
    else if (command.action === 'pause') await driver.pause();
    else if (command.action === 'resume') await driver.resume();
    else if (command.action === 'cancel') await driver.cancel();
    return { status: driver.status, phase: driver.phase, ...(tidy ? { tidy: tidy.status } : {}) };
  });

  void driver.resumeIfRunning().catch(() => undefined);

  const stop = () => {
    driver.stop();
    clearInterval(timer);
    removeListener();
    panel.element.remove();
  };
  ctx.onInvalidated(stop);
  return { driver, stop };
}
