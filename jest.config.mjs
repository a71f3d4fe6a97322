/** Two projects: `unit` (pure logic, aws-sdk-client-mock for edge cases) and `integration` (bundles run
 * under Node 24 against the moto server started by scripts/with-emulator.mjs). */
const common = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: false }] },
};

export default {
  // Integration tests run bundles and wait for simulated rollouts; each runAction call has its own bound too.
  testTimeout: 120000,
  // One temporary root per run for every tempDir() (harness/jest-temp-root.mjs), removed at the end.
  globalSetup: '<rootDir>/harness/jest-global-setup.mjs',
  globalTeardown: '<rootDir>/harness/jest-global-teardown.mjs',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/action-tests/**/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/action-tests/**/integration/**/*.test.ts',
        '<rootDir>/action-tests/e2e/**/*.test.ts',
      ],
    },
  ],
};
