import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";
import regexpPlugin from "eslint-plugin-regexp";
import prettierConfig from "eslint-config-prettier/flat";

const UPWARD = { group: ["@/app/*", "@/components/*"], message: "lib/ never imports from app/ or components/." };
const DB_INFRASTRUCTURE = { group: ["@/lib/server/*"], message: "Database infrastructure: for lib/dal (and lib/auth) only." };
const DATABASE = {
  group: ["pg", "@prisma/*", "@/lib/db", "@/lib/generated/prisma/client", "@/lib/generated/prisma/internal/*"],
  message: "Only lib/dal and lib/auth touch the database.",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "lib/generated/**",
    "node_modules/**",
    ".data/**",
    ".scratch/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  // Alert text is hostile: a regular expression that backtracks super-linearly on it can freeze the
  // server (a 640 kB fd.name held it for 145 s). The recommended set, with the two super-linear
  // rules as errors wherever a pattern runs.
  regexpPlugin.configs["flat/recommended"],
  {
    rules: {
      "regexp/no-super-linear-backtracking": "error",
      "regexp/no-super-linear-move": "error",
    },
  },
  {
    // The house rule of STYLE.md: only the data-access layer and auth touch the database, and
    // nothing in lib/ reaches up into routes or components.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/lib/db", "@/lib/server/*", "@/lib/generated/*"], message: "Go through lib/dal instead." }] },
      ],
    },
  },
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/dal/*", "@/lib/db", "@/lib/server/*", "@/lib/auth/*"], message: "Components get data as props." },
            // Flat config replaces a rule's options per file rather than merging them, so the
            // wall above for app/** and components/** is repeated here for components.
            { group: ["@/lib/generated/*"], message: "Take enums and DTO types from lib/dto." },
          ],
        },
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
  // (Each block below replaces the rule's patterns of the blocks above it for its files, so each
  // repeats what still holds there.)
  {
    files: ["lib/**"],
    ignores: ["lib/generated/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [UPWARD] }],
    },
  },
  {
    // Only the data-access layer, auth, the client itself and the LISTEN hub (lib/live/live-hub.ts,
    // which holds its own pg connection for LISTEN) reach the database; lib/server/db (the pipelined
    // pool, the SQL statement shim, row ids) is infrastructure of the data-access layer. Enums come
    // through lib/generated/prisma/enums, which is plain objects and reaches nothing.
    files: ["lib/**"],
    ignores: ["lib/generated/**", "lib/dal/**", "lib/auth/**", "lib/server/**", "lib/db.ts", "lib/live/live-hub.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [UPWARD, DB_INFRASTRUCTURE, DATABASE] }],
    },
  },
  {
    // Domain rules decide and the DAL carries out (STYLE.md): lib/domain does no I/O, so it reaches
    // neither the database nor the layers that do. Prisma's generated enums are plain values.
    files: ["lib/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            UPWARD,
            DB_INFRASTRUCTURE,
            DATABASE,
            {
              group: [
                "@/lib/db",
                "@/lib/dal/*",
                "@/lib/auth/*",
                "@/lib/live/*",
                "@/lib/env",
                "@/lib/generated/prisma/client",
                "@/lib/generated/prisma/internal/*",
              ],
              message: "lib/domain is pure: the DAL reads and writes, the domain decides from what it is given.",
            },
          ],
        },
      ],
    },
  },
  {
    // The audit log is the record, not a data store (decision 021): business data is read from its
    // own rows, and only the audit modules read AuditEvent (the log page, exports, the chain).
    files: ["lib/**"],
    ignores: ["lib/dal/audit*.ts", "lib/generated/**", "**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[property.name='auditEvent']",
          message: "Read business data from its own columns; only lib/dal/audit*.ts reads the audit log.",
        },
        {
          selector: 'TemplateElement[value.raw=/"AuditEvent"/]',
          message: "Read business data from its own columns; only lib/dal/audit*.ts reads the audit log.",
        },
      ],
    },
  },
  // Formatting is Prettier's (checked by `npm test`); no lint rule may argue with it.
  prettierConfig,
]);
