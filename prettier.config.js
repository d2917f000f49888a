// One formatting for the whole tree, checked by `npm test` (`prettier --check .`). The Tailwind
// plugin sorts class lists the way Tailwind's own docs do, so class diffs stay readable.
/** @type {import("prettier").Config} */
const config = {
  printWidth: 140,
  plugins: ["prettier-plugin-tailwindcss"],
  tailwindStylesheet: "./app/globals.css",
  tailwindFunctions: ["cn", "clsx"],
};

export default config;
