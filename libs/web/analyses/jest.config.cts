module.exports = { ...require('../../../jest.angular.cjs'), displayName: 'web-analyses' };
