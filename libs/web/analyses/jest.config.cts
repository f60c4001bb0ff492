// The page tests render whole screens (the first one of a file also compiles them) and follow
// polls on timers: a few seconds each on a busy machine, so they get more than jest's 5 s.
module.exports = { ...require('../../../jest.angular.cjs'), displayName: 'web-analyses', testTimeout: 20_000 };
