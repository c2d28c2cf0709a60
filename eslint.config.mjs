// Lint with import boundaries: shared imports nothing else from src; the client never imports
// cloud code; cloud code never imports client code; only the wx adapter loads wx-server-sdk.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const CLIENT = ['src/app.ts', 'src/app.config.ts', 'src/pages/**', 'src/packages/**', 'src/features/**', 'src/components/**', 'src/lib/**']
const cloudPaths = ['@/cloud/*', '@/cloud/**', '**/cloud/**']
const clientPaths = ['@/pages/**', '@/packages/**', '@/features/**', '@/components/**', '@/lib/**', '@tarojs/*', '@nutui/*', 'react', 'react-dom']
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
})

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-h5/**', 'dist-cloud/**', '.data/**', 'test-results/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: restrict(['@/*', '../../*', ...clientPaths, 'wx-server-sdk', 'node:*'], 'src/shared is used by both sides: it imports nothing else from src'),
  },
  {
    files: CLIENT,
    rules: restrict([...cloudPaths, 'wx-server-sdk', 'better-sqlite3', 'node:*'], 'the client reaches cloud code only through callCloud'),
  },
  {
    files: ['src/cloud/**'],
    ignores: ['src/cloud/platform/wx/**'],
    rules: restrict([...clientPaths, 'wx-server-sdk'], 'cloud code never imports client code; only platform/wx loads wx-server-sdk'),
  },
  {
    files: ['src/cloud/platform/wx/**'],
    rules: restrict(clientPaths, 'cloud code never imports client code'),
  },
  {
    files: ['src/cloud/domain/**', 'src/cloud/functions/**', 'src/cloud/runtime/**'],
    rules: restrict(
      [...clientPaths, 'wx-server-sdk', 'better-sqlite3', '**/platform/local', '**/platform/local/**', '**/platform/wx', '**/platform/wx/**'],
      'handlers see the Platform interface, never an implementation',
    ),
  },
  {
    files: ['test/**', 'bench/**', 'config/**'],
    rules: { 'no-console': 'off' },
  },
)
