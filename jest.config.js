// One jest project per test layer; run one with `npx jest --selectProjects <name>`.
const alias = { '^@/(.*)$': '<rootDir>/src/$1' }
const ESM_ONLY = ['file-type', 'strtok3', 'token-types', '@tokenizer/inflate', 'uint8array-extras', '@borewit/text-codec']
const node = (name, dir) => ({
  displayName: name,
  testEnvironment: 'node',
  testMatch: [`<rootDir>/test/${dir}/**/*.test.ts`],
  transform: { '^.+\\.[jt]sx?$': 'babel-jest' },
  // file-type (upload bytes) and its dependencies ship ES modules only: babel turns them into CommonJS too
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleNameMapper: alias,
})
module.exports = {
  // a limit for a loaded CI machine, not a speed check (speed lives in bench/)
  testTimeout: 30_000,
  projects: [
    node('unit', 'unit'),
    node('conformance', 'conformance'),
    node('integration', 'integration'),
    // WeChat's own tools on the compiled weapp (miniprogram-ci offline, wcc, wcsc) and the private-API
    // scan; miniprogram-ci takes seconds a run, so the project has a longer limit
    { ...node('wechat', 'wechat'), setupFilesAfterEnv: ['<rootDir>/test/wechat/support/timeout.ts'] },
    {
      displayName: 'mp',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/mp/**/*.test.[jt]s'],
      transform: { '^.+\\.[jt]s$': 'babel-jest' },
      // the compiled mini-program output is loaded as is, never transformed
      transformIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
    },
  ],
}
