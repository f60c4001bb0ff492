import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CustomerMergePreview, CustomerMergeResult } from '@marea/contracts';
import { CustomerMergePanel } from './customer-merge-panel';

const preview = (emailWinner: 'survivor' | 'absorbed'): CustomerMergePreview => ({
  survivorId: '7',
  absorbedId: '9',
  fields: [
    { field: 'firstName', survivor: 'Lucía', absorbed: 'Lucía', winner: 'survivor', reason: 'same' },
    { field: 'email', survivor: 'lucia@example.com', absorbed: 'lucia.g@example.com', winner: emailWinner, reason: emailWinner === 'absorbed' ? 'newest' : 'chosen' },
    { field: 'city', survivor: 'Sevilla', absorbed: null, winner: 'survivor', reason: 'only-value' },
  ],
  tags: ['newsletter', 'vip'],
  moves: [{ table: 'orders', rows: 2 }],
});

describe('merging a duplicate from the profile', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('finds the duplicate, shows which value stays on each differing field, lets the marketer pick the other one, and merges', async () => {
    const fixture = TestBed.createComponent(CustomerMergePanel);
    fixture.componentRef.setInput('survivorId', '7');
    const merged: CustomerMergeResult[] = [];
    fixture.componentInstance.merged.subscribe((result) => merged.push(result));
    const page: HTMLElement = fixture.nativeElement;
    await fixture.whenStable();

    const search = page.querySelector('input[type=search]') as HTMLInputElement;
    search.value = 'lucia';
    search.dispatchEvent(new Event('input'));
    TestBed.tick();
    http.expectOne((request) => request.url.startsWith('/api/v1/customers?') && request.url.includes('q=lucia')).flush({
      items: [
        { id: '7', externalId: 'CRM-1001', firstName: 'Lucía', lastName: 'García', email: 'lucia@example.com', phone: null, city: null, createdAt: '2025-01-01T00:00:00.000Z' },
        { id: '9', externalId: 'SHOP-77', firstName: 'Lucía', lastName: 'García', email: 'lucia.g@example.com', phone: null, city: null, createdAt: '2025-06-01T00:00:00.000Z' },
      ],
      page: 1,
      pageSize: 8,
      hasMore: false,
    });
    await fixture.whenStable();
    const candidates = [...page.querySelectorAll('.candidates button')];
    expect(candidates.map((button) => button.textContent)).toEqual([expect.stringContaining('lucia.g@example.com')]);

    (candidates[0] as HTMLButtonElement).click();
    const first = http.expectOne('/api/v1/customers/7/merge/preview');
    expect(first.request.body).toEqual({ absorbedId: '9', choices: {} });
    first.flush(preview('absorbed'));
    await fixture.whenStable();
    const rows = [...page.querySelectorAll('.fields tbody tr')].map((row) => row.querySelector('th')?.textContent);
    expect(rows).toEqual(['email', 'city']);
    expect(page.querySelector('.fields tbody tr .winner')?.textContent).toContain('lucia.g@example.com');

    (page.querySelector('input[name="merge-email"]') as HTMLInputElement).dispatchEvent(new Event('change'));
    const second = http.expectOne('/api/v1/customers/7/merge/preview');
    expect(second.request.body).toEqual({ absorbedId: '9', choices: { email: 'survivor' } });
    second.flush(preview('survivor'));
    await fixture.whenStable();

    (page.querySelector('.actions .primary') as HTMLButtonElement).click();
    const merge = http.expectOne('/api/v1/customers/7/merge');
    expect(merge.request.body).toEqual({ absorbedId: '9', choices: { email: 'survivor' } });
    merge.flush({ ...preview('survivor'), mergedAt: '2026-11-24T10:00:00.000Z' });
    await fixture.whenStable();
    expect(merged).toHaveLength(1);
  });

  it("shows the server's message when the merge is refused", async () => {
    const fixture = TestBed.createComponent(CustomerMergePanel);
    fixture.componentRef.setInput('survivorId', '7');
    await fixture.whenStable();
    const chosen = (fixture.componentInstance as unknown as { choose(id: string): Promise<void> }).choose('7');
    http.expectOne('/api/v1/customers/7/merge/preview').flush(
      { error: { code: 'INVALID_MERGE', message: 'A customer cannot be merged with itself.' } },
      { status: 400, statusText: 'Bad Request' },
    );
    await chosen;
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('[role=alert]')?.textContent).toContain('cannot be merged with itself');
  });
});
