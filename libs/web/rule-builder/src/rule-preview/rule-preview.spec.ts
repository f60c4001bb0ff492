import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { DraftRule } from '../rule-draft/rule-draft';
import { PREVIEW_DELAY_MS, RulePreview } from './rule-preview';

const cityIs = (city: string): DraftRule => ({
  version: 1,
  match: 'all',
  conditions: [{ kind: 'customer_field', field: 'city', test: { op: 'equals', value: city } }],
});

@Component({
  imports: [RulePreview],
  template: `<marea-rule-preview [rule]="rule()" [valid]="valid()" />`,
})
class PreviewHost {
  readonly rule = signal(cityIs('Madrid'));
  readonly valid = signal(true);
}

// The server's side of the preview is tested over HTTP in apps/api (segments-api.spec.ts) and in the
// browser test; here the widget's own behaviour: when it asks, what it shows, and never an old count.
describe('the live preview of a rule', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
  });
  afterEach(() => jest.useRealTimers());

  const settle = async (fixture: { detectChanges(): void }, ms = 0) => {
    fixture.detectChanges();
    await jest.advanceTimersByTimeAsync(ms);
    fixture.detectChanges();
  };
  const state = (element: HTMLElement) => element.querySelector('.preview')?.getAttribute('data-state');

  it('asks once edits pause, for the last rule only, and shows no count while a newer rule is being counted', async () => {
    const fixture = TestBed.createComponent(PreviewHost);
    const server = TestBed.inject(HttpTestingController);
    await settle(fixture);
    fixture.componentInstance.rule.set(cityIs('Lisboa'));
    await settle(fixture, PREVIEW_DELAY_MS / 2);
    fixture.componentInstance.rule.set(cityIs('Porto'));
    await settle(fixture, PREVIEW_DELAY_MS);

    const request = server.expectOne('/api/v1/segments/preview');
    expect(request.request.body).toEqual({ rule: cityIs('Porto') });
    request.flush({ count: 1, customers: [{ id: '7', externalId: 'c-7', firstName: 'Rui', lastName: null, email: null, phone: null, city: 'Porto', country: 'PT' }], evaluatedAt: '2026-01-01T00:00:00Z' });
    await settle(fixture);
    expect(state(fixture.nativeElement)).toBe('ready');
    expect(fixture.nativeElement.querySelector('[data-preview-count]').textContent).toBe('1');

    fixture.componentInstance.rule.set(cityIs('Faro'));
    await settle(fixture);
    expect(state(fixture.nativeElement)).toBe('loading');
    expect(fixture.nativeElement.querySelector('[data-preview-count]')).toBeNull();
    await settle(fixture, PREVIEW_DELAY_MS);
    server.expectOne('/api/v1/segments/preview').flush(
      { error: { code: 'PREVIEW_TIMEOUT', message: 'The preview took longer than 5 seconds' } },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle(fixture);
    expect(fixture.nativeElement.querySelector('.preview__error').textContent).toBe('The preview took longer than 5 seconds');
    server.verify();
  });

  it('sends nothing for a rule the browser finds invalid', async () => {
    const fixture = TestBed.createComponent(PreviewHost);
    const server = TestBed.inject(HttpTestingController);
    fixture.componentInstance.valid.set(false);
    await settle(fixture, PREVIEW_DELAY_MS * 2);
    expect(state(fixture.nativeElement)).toBe('invalid');
    server.verify();
  });
});
