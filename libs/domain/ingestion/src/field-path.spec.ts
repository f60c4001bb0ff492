import { fieldPath, itemPath } from './field-path';

describe('field paths', () => {
  it('reads like JSON access', () => {
    expect(fieldPath(['lines', 1, 'quantity'])).toBe('lines[1].quantity');
    expect(fieldPath(['attributes', 'shoe size'])).toBe('attributes["shoe size"]');
  });

  it('are placed in the request body by item index', () => {
    expect(itemPath(3, 'lines[1].quantity')).toBe('items[3].lines[1].quantity');
    expect(itemPath(0, '')).toBe('items[0]');
  });
});
