import { CustomerItem } from '@marea/contracts';
import { batchCandidates } from './batch-candidates';
import { BatchReport } from './batch-report';

describe('a batch of items', () => {
  it('keeps valid items with their index, rejects invalid ones and later repeats naming the first', () => {
    const items = [{ externalId: 'a' }, { externalId: 'b', firstName: 1 }, { externalId: 'a', firstName: 'Again' }, 'nonsense', { externalId: 'c' }];
    const report = new BatchReport(items.length);
    const candidates = batchCandidates(items, CustomerItem, { of: (c) => c.externalId, field: 'externalId', label: (c) => c.externalId }, report);

    expect(candidates.map((c) => c.index)).toEqual([0, 4]);
    candidates.forEach((c) => report.record(c.index, c.item.externalId, 'created'));
    const result = report.result();
    expect(result).toMatchObject({ received: 5, created: 2, rejected: 3, unchanged: 0, updated: 0 });
    expect(result.items[1]).toEqual({
      index: 1, externalId: 'b', outcome: 'rejected',
      errors: [{ field: 'firstName', path: 'items[1].firstName', message: 'must be text, not a number' }],
    });
    expect(result.items[2].errors).toEqual([
      { field: 'externalId', path: 'items[2].externalId', message: 'repeats items[0] of this batch (same externalId); send each record once per batch' },
    ]);
    expect(result.items[3].errors).toEqual([{ field: '', path: 'items[3]', message: 'must be an object, not text' }]);
  });

  it('lets a retried transaction start again from the validated batch', () => {
    const base = new BatchReport(2);
    base.reject(0, 'x', [{ field: 'externalId', message: 'is required' }]);
    const attempt = base.fork();
    attempt.record(1, 'y', 'created');
    attempt.countReferences({ customers: 1, products: 0 });
    expect(() => base.result()).toThrow(/item 1 of the batch got no outcome/);
    expect(attempt.result()).toMatchObject({ rejected: 1, created: 1, referencesCreated: { customers: 1, products: 0 } });
  });
});
