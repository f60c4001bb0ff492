import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { RuleValueLookup } from '../rule-builder/rule-value-lookup';
import { NameChipsHarness } from '../testing/name-chips.harness';
import { LOOKUP_DEBOUNCE_MS, NameChips } from './name-chips';
import type { NameLookup } from './name-lookup';

@Component({
  imports: [NameChips],
  template: `<marea-name-chips label="In stores" tone="include" [values]="values()" [suggestions]="stores" [lookup]="lookup" (valuesChange)="values.set($event)" />`,
})
class ChipsHost {
  readonly values = signal<string[]>([]);
  stores: string[] = [];
  lookup: NameLookup | null = null;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, LOOKUP_DEBOUNCE_MS + 50));

describe('include / exclude chips with autocomplete', () => {
  let fixture: ComponentFixture<ChipsHost>;
  let chips: NameChipsHarness;
  let http: HttpTestingController;

  async function render(setup: (host: ChipsHost) => void) {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ChipsHost);
    setup(fixture.componentInstance);
    document.body.appendChild(fixture.nativeElement);
    await fixture.whenStable();
    chips = new NameChipsHarness(fixture, fixture.nativeElement.querySelector('marea-name-chips'));
  }
  afterEach(() => {
    fixture.nativeElement.remove();
    http.verify();
  });

  it("offers the shop's stores as a listbox the keys move through, and Enter picks the active one", async () => {
    await render((host) => (host.stores = ['madrid', 'malaga', 'web']));
    expect(await chips.suggestionsFor('ma')).toEqual(['madrid', 'malaga']);
    expect(await chips.activeOption()).toBeNull();

    await chips.press('ArrowDown');
    expect(await chips.activeOption()).toBe('madrid');
    await chips.press('ArrowDown');
    expect(await chips.activeOption()).toBe('malaga');
    await chips.press('ArrowDown');
    expect(await chips.activeOption()).toBe('madrid');
    await chips.press('ArrowUp');
    expect(await chips.activeOption()).toBe('malaga');

    await chips.press('Enter');
    expect(await chips.values()).toEqual(['malaga']);
    expect(await chips.expanded()).toBe(false);
    // A chosen name is not offered again.
    expect(await chips.suggestionsFor('ma')).toEqual(['madrid']);
  });

  it('adds typed text when no option is active, closes on Escape, and picks with a click', async () => {
    await render((host) => (host.stores = ['madrid', 'web']));
    await chips.add('outlet-norte');
    expect(await chips.values()).toEqual(['outlet-norte']);

    await chips.typeText('w');
    expect(await chips.options()).toEqual(['web']);
    await chips.press('Escape');
    expect(await chips.expanded()).toBe(false);

    await chips.press('ArrowDown');
    expect(await chips.activeOption()).toBe('web');
    await chips.pick('web');
    expect(await chips.values()).toEqual(['outlet-norte', 'web']);
    await chips.remove('outlet-norte');
    expect(await chips.values()).toEqual(['web']);
    expect(fixture.componentInstance.values()).toEqual(['web']);
  });

  it('searches a long list on the server once typing pauses, for the last text only, and shows SKUs with their names', async () => {
    await render((host) => (host.lookup = TestBed.inject(RuleValueLookup).of('products')));
    await chips.typeText('t');
    await chips.typeText('te');
    await chips.typeText('ter');
    http.expectNone(() => true);
    await pause();

    const request = http.expectOne('/api/v1/segment-values/products?q=ter&limit=20');
    request.flush({ items: [{ value: 'TERRA-01', label: 'TERRA-01 · Terracotta pot' }, { value: 'FERN-02', label: 'FERN-02 · Boston fern in terracotta' }] });
    await fixture.whenStable();
    expect(await chips.options()).toEqual(['TERRA-01 · Terracotta pot', 'FERN-02 · Boston fern in terracotta']);

    await chips.press('ArrowDown');
    await chips.press('Enter');
    // The rule keeps the SKU; the name was only there to recognise it.
    expect(await chips.values()).toEqual(['TERRA-01']);
  });

  it('asks nothing until the list is opened, and says why when the search fails', async () => {
    await render((host) => (host.lookup = TestBed.inject(RuleValueLookup).of('tags')));
    await pause();
    http.expectNone(() => true);

    await chips.typeText('vi');
    await pause();
    http
      .expectOne('/api/v1/segment-values/tags?q=vi&limit=20')
      .flush({ error: { code: 'INVALID_REQUEST', message: 'The request is not valid: list needs products, tags …' } }, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('No suggestions: The request is not valid: list needs products, tags …');
    // Typing still works: the tag is added as typed.
    await chips.press('Enter');
    expect(await chips.values()).toEqual(['vi']);
  });
});
