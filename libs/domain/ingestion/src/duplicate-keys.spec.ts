import { findDuplicateKeys } from './duplicate-keys';

describe('findDuplicateKeys', () => {
  it('maps each later repeat to the first occurrence', () => {
    expect(findDuplicateKeys(['a', 'b', 'a', undefined, 'b', 'a'])).toEqual(
      new Map([
        [2, 0],
        [4, 1],
        [5, 0],
      ]),
    );
  });
});
