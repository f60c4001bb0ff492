const { join } = require('node:path');

/** Spread into the jest config of a project whose tests use PostgreSQL. */
module.exports = {
  globalSetup: join(__dirname, 'global-setup.ts'),
  globalTeardown: join(__dirname, 'global-teardown.ts'),
  testTimeout: 60_000,
};
