// The editor's tests render the whole editor, rule builder included, and walk a flow through
// many edits: a few seconds each, more on a busy machine, so they get more than jest's 5 s.
module.exports = { ...require('../../../jest.angular.cjs'), displayName: 'web-automations', testTimeout: 20_000 };
