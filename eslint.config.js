import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "tympan-report/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.ts"],
    ignores: ["src/io/**", "src/cli/**", "src/web/**", "src/**/*.test.ts"],
    rules: {
      // The library core is isomorphic: Node built-ins only in io/, cli/ and web/.
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*"], message: "The library core must run in the browser too." },
          ],
        },
      ],
    },
  },
);
