import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "lib/generated/**", "node_modules/**", ".data/**", ".scratch/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    // The house rule of STYLE.md: only the data-access layer and auth touch the database, and
    // nothing in lib/ reaches up into routes or components.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/lib/db", "@/lib/generated/*"], message: "Go through lib/dal instead." }] },
      ],
    },
  },
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/lib/dal/*", "@/lib/db", "@/lib/auth/*"], message: "Components get data as props." }] },
      ],
    },
  },
  {
    // Configuration is read in one place, lib/env.ts, validated with zod; scripts and tests may
    // read the environment themselves. (proxy.ts and instrumentation.ts read only NODE_ENV and
    // NEXT_RUNTIME, which Next fixes at build time.)
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/env.ts", "lib/generated/**", "**/*.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts (env() or envSetting())." },
      ],
    },
  },
  {
    files: ["lib/**"],
    ignores: ["lib/generated/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*", "@/components/*"], message: "lib/ never imports from app/ or components/." }] }],
    },
  },
]);
