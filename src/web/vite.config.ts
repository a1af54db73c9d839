// Vite build of the web app: a static site in dist/web/ with relative asset paths, so it runs from any
// static host or folder. No CDN: everything the page needs is bundled.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: here,
  // Relative URLs: the build works under any path (a GitHub Pages subfolder, file shares, npm start).
  base: "./",
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  worker: { format: "es" },
  build: {
    outDir: fileURLToPath(new URL("../../dist/web", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    // The library (in the worker) and uPlot are large single modules; the budget is checked by bench/web.js.
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod's sources carry comments Rollup cannot place (harmless: they are only dropped).
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("node_modules")) return;
        warn(warning);
      },
    },
  },
  server: { port: Number(process.env.PORT ?? 5178) },
});
