import { planSearch } from './search-query';

describe('planSearch', () => {
  it.each([
    ['Lucía García', ['Lucía', 'García'], false],
    ['  garcia  ', ['garcia'], false],
    ['+34 600-123 456', ['34600123456'], false],
    ['(600) 12', ['60012'], false],
    ['c-1', ['c-1'], false],
    ['ab', ['ab'], true],
    ['al gar', ['al', 'gar'], false],
  ])('%s → %j', (query, terms, exactOnly) => {
    expect(planSearch(query)).toEqual({ terms, exactOnly });
  });

  it('an empty query lists everybody', () => {
    expect(planSearch('   ')).toEqual({ terms: [], exactOnly: false });
  });
});
