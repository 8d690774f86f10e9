// Self-contained scripts, one per page: an IIFE with ECharts and the CSS inlined, so the page
// `liangzhu report` writes opens offline and the dashboard `liangzhu serve` shows fetches no
// script. `vite build` makes the report's (dist/report.js), `vite build --mode dashboard` the
// dashboard's (dist/dashboard.js).
import { defineConfig } from "vitest/config";

const bundles: Record<string, { entry: string; name: string }> = {
  report: { entry: "src/report/main.ts", name: "liangzhuReport" },
  dashboard: { entry: "src/dashboard/main.ts", name: "liangzhuDashboard" },
};

export default defineConfig(({ mode }) => {
  const bundle = mode === "dashboard" ? "dashboard" : "report";
  const { entry, name } = bundles[bundle] as { entry: string; name: string };
  return {
    // Library mode leaves process.env.NODE_ENV to the consumer; a browser has no `process`.
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    build: {
      outDir: "dist",
      emptyOutDir: false,
      target: "es2020",
      lib: { entry, name, formats: ["iife"], fileName: () => `${bundle}.js` },
    },
    // The tests read a C++ test of the repository (test/sync.test.ts) to keep the two in step.
    server: { fs: { allow: [".."] } },
    test: {
      include: ["test/**/*.test.ts"],
    },
  };
});
