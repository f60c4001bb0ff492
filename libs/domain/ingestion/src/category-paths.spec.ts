import { categoryLevels, checkCategoryPaths } from './category-paths';

describe('category paths', () => {
  it('yields every level once, parents first', () => {
    expect(categoryLevels(['Hogar > Cocina', 'Hogar>Cocina > Sartenes', 'Plantas'])).toEqual([
      { path: 'Hogar', name: 'Hogar', parentPath: null },
      { path: 'Hogar > Cocina', name: 'Cocina', parentPath: 'Hogar' },
      { path: 'Hogar > Cocina > Sartenes', name: 'Sartenes', parentPath: 'Hogar > Cocina' },
      { path: 'Plantas', name: 'Plantas', parentPath: null },
    ]);
  });

  it('rejects an empty level at its place', () => {
    expect(checkCategoryPaths(['Hogar', 'Hogar >  > Cocina'])).toEqual([
      { field: 'categories[1]', message: 'has an empty level; write a path from the root such as "Hogar > Cocina"' },
    ]);
  });
});
