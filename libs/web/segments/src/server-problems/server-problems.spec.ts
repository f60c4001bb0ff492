import { HttpErrorResponse } from '@angular/common/http';
import { serverProblems } from './server-problems';

describe('the problems of a refused save', () => {
  it('sends rule problems to the builder at their rule path, and others to their form field', () => {
    const refusal = new HttpErrorResponse({
      status: 400,
      error: {
        error: {
          code: 'INVALID_SEGMENT',
          message: 'The segment has 3 problems',
          details: [
            { field: 'code', message: 'must be 1 to 63 lower-case letters' },
            { field: 'rule.conditions[1].conditions[0].test.values[1]', message: 'there is no store "atlantis"' },
            { field: 'rule', message: 'is required' },
          ],
        },
      },
    });
    expect(serverProblems(refusal)).toEqual({
      fields: { code: ['must be 1 to 63 lower-case letters'] },
      rule: [
        { path: 'conditions[1].conditions[0].test.values[1]', code: 'invalid', message: 'there is no store "atlantis"' },
        { path: '', code: 'invalid', message: 'is required' },
      ],
    });
  });

  it('finds nothing to place in a failure without details', () => {
    expect(serverProblems(new HttpErrorResponse({ status: 0 }))).toEqual({ fields: {}, rule: [] });
    expect(serverProblems(new Error('offline'))).toEqual({ fields: {}, rule: [] });
  });
});
