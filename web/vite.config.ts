// One self-contained script for the HTML report: an IIFE with ECharts and the CSS inlined, so the
// page `liangzhu report` writes opens offline and fetches nothing.
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Library mode leaves process.env.NODE_ENV to the consumer; a browser has no `process`.
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2020",
    lib: {
      entry: "src/report/main.ts",
      name: "liangzhuReport",
      formats: ["iife"],
      fileName: () => "report.js",
    },
  },
  // The tests read a C++ test of the repository (test/sync.test.ts) to keep the two in step.
  server: { fs: { allow: [".."] } },
  test: {
    include: ["test/**/*.test.ts"],
  },
});
