module.exports = {
  displayName: 'engine-messaging',
  preset: '../../../jest.preset.cjs',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
