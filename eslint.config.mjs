// ESLint as the yo office template sets it up (office-addin-lint's configuration): Microsoft's
// Office add-in rules from eslint-plugin-office-addins (load before read, sync after load, no
// context.sync in loops, no empty or navigational loads, …), the TypeScript parser, and
// Prettier's formatting checked as a rule.
import tsParser from "@typescript-eslint/parser";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";

export default [
  { ignores: ["dist/**", "build/**", "coverage/**", "node_modules/**", "test/fixtures/**"] },
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      parser: tsParser,
      ecmaVersion: "latest",
      sourceType: "module",
      globals: {
        ...globals.browser,
        ...globals.node,
        ...globals.jest,
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
        OfficeExtension: "readonly",
      },
    },
    rules: {
      // Unused arguments are allowed when they say so with a leading underscore.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // TypeScript checks names itself (types, namespaces such as Excel); ESLint's checks misfire on
      // them (a type and a value may share a name, as Dec does).
      "no-undef": "off",
      "no-redeclare": "off",
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs" },
  },
];
