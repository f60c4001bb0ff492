import { inNavigation, navEntriesOf } from './nav-entry';

describe('navEntriesOf', () => {
  it('lists only the screens that asked to be in the navigation, in route order', () => {
    const entries = navEntriesOf([
      { path: '', redirectTo: 'overview', pathMatch: 'full' },
      { path: 'overview', data: inNavigation({ label: 'Overview', icon: 'overview' }) },
      { path: 'imports/:id' },
      { path: 'imports', data: inNavigation({ label: 'Data import', icon: 'import' }) },
      { path: '**' },
    ]);
    expect(entries).toEqual([
      { path: 'overview', label: 'Overview', icon: 'overview' },
      { path: 'imports', label: 'Data import', icon: 'import' },
    ]);
  });
});
