// One browser test file's session: the app's server and a headless Chromium started before its
// tests, a page opened at the app (with a hash, a locale), both closed after the file's tests.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type Server, launchChromium, openPage, startServer } from "./browser.js";

export interface BrowserSession {
  server: Server;
  browser: Browser;
  page: Page;
  /** Uncaught errors of the page so far. */
  errors: string[];
}

/**
 * Registers the file's beforeAll and afterAll and returns the session they fill: read its fields
 * inside tests. `hash` is appended to the app's address (e.g. "#tab=eq"); `ready` waits for the
 * page to show what the tests start from.
 */
export function useBrowserSession(
  options: { hash?: string; locale?: string; ready?: (page: Page) => Promise<unknown> } = {},
): BrowserSession {
  const session = { errors: [] as string[] } as BrowserSession;
  beforeAll(async () => {
    [session.server, session.browser] = await Promise.all([startServer(), launchChromium()]);
    const opened = await openPage(
      session.browser,
      `${session.server.url}${options.hash ?? ""}`,
      options.locale,
    );
    session.page = opened.page;
    session.errors = opened.errors;
    await options.ready?.(session.page);
  }, 180_000);
  afterAll(async () => {
    await session.browser?.close();
    session.server?.stop();
  });
  return session;
}
