import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'dist-bench', 'node_modules', 'bench/results.json', 'coverage', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.{ts,tsx,js,mjs,mts}'],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.tools.json', './tsconfig.scripts.json', './tsconfig.bench.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: { 'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.mjs', '.js', '.mts'] })] },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
    },
  },
  // Layers point one way: model ← data ← charts ← app ← {views, report}; storage beside data (it
  // reads the model only). A lower layer importing a higher one fails the lint.
  {
    files: ['src/**'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/model', from: ['./src/data', './src/storage', './src/charts', './src/app', './src/views', './src/report'] },
            { target: './src/data', from: ['./src/storage', './src/charts', './src/app', './src/views', './src/report'] },
            { target: './src/storage', from: ['./src/data', './src/charts', './src/app', './src/views', './src/report'] },
            { target: './src/charts', from: ['./src/storage', './src/app', './src/views', './src/report'] },
            { target: './src/app', from: ['./src/views', './src/report'] },
            { target: './src/report', from: ['./src/views', './src/storage'] },
          ].map((zone) => ({
            ...zone,
            message: 'Layers point one way: model ← data ← charts ← app ← {views, report} (README, Architecture).',
          })),
        },
      ],
    },
  },
  // Plain JavaScript: bench/ is type-checked loosely (tsconfig.scripts.json), tools/ strictly
  // (tsconfig.tools.json), but JSON and CSV readers still hand back `any` there.
  {
    files: ['**/*.mjs', '**/*.js'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  // Tests read JSON they wrote (typed `any`) and assert on it.
  {
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  // Typed by the .d.mts beside them, which TypeScript reads instead of the JavaScript.
  { files: ['bench/lib/browser.mjs', 'bench/lib/serve.mjs'], ...tseslint.configs.disableTypeChecked },
);
