// `npm start`: builds the web app when dist/web is missing or older than the sources, then serves it
// on http://localhost:PORT/ (PORT from the environment, 5178 by default) and prints that URL.
// A few lines of node:http: the app is static files, so no server framework is needed.
import { spawnSync } from "node:child_process";
import console from "node:console";
import { createReadStream, existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import process from "node:process";
import { URL, fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const site = join(root, "dist", "web");
const port = Number(process.env.PORT ?? 5178);
const host = process.env.HOST ?? "127.0.0.1";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".map": "application/json",
};

function newestSource(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const index = join(site, "index.html");
const stale = !existsSync(index) || statSync(index).mtimeMs < newestSource(join(root, "src"));
if (stale && process.argv.includes("--no-build")) {
  console.error("tympan: dist/web is missing or older than src/; run npm run build:web");
  process.exit(1);
}
if (stale) {
  console.log("Building the web app (dist/web is missing or older than src/)…");
  const built = spawnSync("npm", ["run", "build:web"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
  const file = normalize(join(site, path.endsWith("/") ? `${path}index.html` : path));
  if (!file.startsWith(site + sep) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    response.end("not found\n");
    return;
  }
  response.writeHead(200, {
    "content-type": TYPES[extname(file)] ?? "application/octet-stream",
    // Hashed assets never change; the page itself always revalidates.
    "cache-control": file.endsWith("index.html")
      ? "no-cache"
      : "public, max-age=31536000, immutable",
  });
  createReadStream(file).pipe(response);
});

server.listen(port, host, () => {
  const address = server.address();
  const shownHost = host === "127.0.0.1" || host === "0.0.0.0" ? "localhost" : host;
  console.log(
    `Tympan web app: http://${shownHost}:${typeof address === "object" && address ? address.port : port}/`,
  );
});
