// Starts what the browser tests need: the built app served by `npm start`'s own server on a free
// loopback port, and a headless Chromium — the npm package @sparticuz/chromium, or Debian's
// `chromium` when that is installed instead. Never `playwright install` (its host is unreachable).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type Browser, type Download, type Page, chromium } from "playwright-core";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL("../screenshots/", import.meta.url));

/** Debian's package puts its browser here; @sparticuz/chromium unpacks one into /tmp. */
const DEBIAN_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

export async function launchChromium(): Promise<Browser> {
  try {
    const sparticuz = (await import("@sparticuz/chromium")).default;
    return await chromium.launch({
      executablePath: await sparticuz.executablePath(),
      args: sparticuz.args,
      headless: true,
    });
  } catch (error) {
    const debian = DEBIAN_CHROMIUM.find((path) => existsSync(path));
    if (debian === undefined) throw error;
    return chromium.launch({ executablePath: debian, headless: true, args: ["--no-sandbox"] });
  }
}

export interface Server {
  readonly url: string;
  stop(): void;
}

/**
 * Serves dist/web with scripts/serve-web.mjs on a port the system picks (PORT=0), building the app
 * first when it is missing or older than src/ — as `npm start` does.
 */
export function startServer(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ["scripts/serve-web.mjs"], {
      cwd: ROOT,
      env: { ...process.env, PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/localhost:(\d+)\//.exec(output);
      if (match) resolve({ url: `http://127.0.0.1:${match[1]}/`, stop: () => child.kill() });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`serve-web exited (${code}):\n${output}`)));
  });
}

/**
 * A page with a fixed locale (uPlot formats numbers with navigator.language; en-US unless given)
 * and error capture.
 */
export async function openPage(
  browser: Browser,
  url: string,
  locale = "en-US",
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    locale,
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(url);
  return { page, errors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: false });
}

/** What `click` makes `page` download: the file's suggested name and its text. */
export async function downloadedText(
  page: Page,
  click: () => Promise<void>,
): Promise<{ name: string; text: string }> {
  const [download] = (await Promise.all([page.waitForEvent("download"), click()])) as [
    Download,
    void,
  ];
  return {
    name: download.suggestedFilename(),
    text: await readFile((await download.path())!, "utf8"),
  };
}
