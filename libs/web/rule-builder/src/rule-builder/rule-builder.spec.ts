import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { SegmentCatalogue } from '@marea/contracts';
import { validateSegmentRule } from '@marea/domain/segments';
import { emptyRule, type DraftRule } from '../rule-draft/rule-draft';
import { RuleGroupHarness } from '../testing/rule-group.harness';
import { RuleBuilder } from './rule-builder';

const catalogue: SegmentCatalogue = {
  timeZone: 'Europe/Madrid',
  customFields: [{ key: 'shoe_size', label: 'Shoe size', type: 'number' }],
  categories: ['Jardín', 'Jardín > Plantas', 'Hogar', 'Hogar > Cocina'],
  stores: ['madrid', 'web'],
  managers: ['ana@huerto.example'],
  segments: ['vip'],
};

@Component({
  imports: [RuleBuilder],
  template: `<marea-rule-builder [(rule)]="rule" [catalogue]="catalogue" />`,
})
class BuilderHost {
  readonly rule = signal<DraftRule>(emptyRule());
  readonly catalogue = catalogue;
}

describe('the visual rule builder', () => {
  let fixture: ComponentFixture<BuilderHost>;
  let rule: () => DraftRule;
  let root: RuleGroupHarness;

  beforeEach(async () => {
    // Long lists (SKUs, tags …) are searched on the server; no test here waits for a search.
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    fixture = TestBed.createComponent(BuilderHost);
    document.body.appendChild(fixture.nativeElement);
    await fixture.whenStable();
    rule = () => fixture.componentInstance.rule();
    root = new RuleGroupHarness(fixture, fixture.nativeElement.querySelector('marea-rule-builder > marea-rule-group'));
  });
  afterEach(() => fixture.nativeElement.remove());

  it('offers conditions by theme: customer, orders, products, communications and analytics, with the shop\'s custom fields', async () => {
    const palette = await root.palette();
    expect(Object.keys(palette)).toEqual(['Customer', 'Orders', 'Products', 'Communications and activity', 'Analytics']);
    expect(palette['Customer']).toEqual(expect.arrayContaining(['City', 'Birth date', 'Shoe size', 'Tags', 'Consent', 'Member of a segment']));
    expect(palette['Orders']).toEqual(expect.arrayContaining(['Number of purchases', 'Spend', 'Last purchase date']));
    expect(palette['Products']).toEqual(expect.arrayContaining(['Bought', 'Never bought']));
    expect(palette['Analytics']).toEqual(expect.arrayContaining(['RFM segment', 'Predicted CLV']));
  });

  it('builds a rule with a nested "any" group that the domain validator accepts', async () => {
    await root.addCondition('Number of purchases');
    await (await (await root.condition(0)).test()).fill('3');
    await root.addGroup();
    const nested = await root.group(1);
    expect(await nested.match()).toBe('any');
    await nested.addCondition('City');
    await (await (await nested.condition(0)).test()).fill('Madrid');
    await nested.addCondition('Tags');
    await (await (await (await nested.condition(1)).test()).chips()).add('vip');

    expect(rule()).toEqual({
      version: 1,
      match: 'all',
      negate: false,
      conditions: [
        { kind: 'order_aggregate', aggregate: 'count', measure: 'amount', filter: {}, test: { op: 'gte', value: 3 } },
        {
          kind: 'group',
          match: 'any',
          negate: false,
          conditions: [
            { kind: 'customer_field', field: 'city', test: { op: 'equals', value: 'Madrid' } },
            { kind: 'tags', test: { op: 'in', values: ['vip'] } },
          ],
        },
      ],
    });
    expect(validateSegmentRule(rule(), catalogue)).toEqual([]);
    expect(await root.problems()).toEqual([]);
  });

  it('reorders and removes conditions with buttons, the focus following the moved condition', async () => {
    await root.addCondition('City');
    await root.addCondition('Country');
    await root.addCondition('Email');
    expect(await root.canMove(0, 'up')).toBe(false);
    expect(await root.canMove(2, 'down')).toBe(false);

    await root.moveUp(2);
    expect(await root.itemKinds()).toEqual(['customer_field', 'customer_field', 'customer_field']);
    expect(rule().conditions.map((c) => c['field'])).toEqual(['city', 'email', 'country']);
    expect(await root.focusedTool()).toBe('1:up');

    await root.moveUp(1);
    expect(rule().conditions.map((c) => c['field'])).toEqual(['email', 'city', 'country']);
    // At the top "move up" is disabled, so the focus lands on the condition's remove button instead.
    expect(await root.focusedTool()).toBe('0:remove');

    await root.remove(1);
    expect(rule().conditions.map((c) => c['field'])).toEqual(['email', 'country']);
    expect(await root.focusedTool()).toBe('1:remove');
  });

  it('shows each problem of the domain validator next to the control it is about', async () => {
    await root.addCondition('Spend');
    await root.addCondition('Shoe size');
    await (await (await root.condition(1)).test()).setOperator('between');
    await (await (await root.condition(1)).test()).fill('44', 0);
    await (await (await root.condition(1)).test()).fill('38', 1);

    // The structure is checked first: the missing number hides the reversed range until it is typed, as on the server.
    const missing = validateSegmentRule(rule(), catalogue);
    expect(missing.map((p) => p.path)).toEqual(['conditions[0].test.value']);
    expect(await (await (await root.condition(0)).test()).problems()).toEqual([missing[0].message]);
    expect(await (await (await root.condition(1)).test()).problems()).toEqual([]);
    expect(fixture.nativeElement.querySelector('[data-problem-count]').textContent).toContain('1 thing to fix');

    await (await (await root.condition(0)).test()).fill('500');
    const reversed = validateSegmentRule(rule(), catalogue);
    expect(reversed).toHaveLength(1);
    expect(reversed[0].path.startsWith('conditions[1].test')).toBe(true);
    expect(await (await (await root.condition(0)).test()).problems()).toEqual([]);
    expect(await (await (await root.condition(1)).test()).problems()).toEqual([reversed[0].message]);

    await (await (await root.condition(1)).test()).fill('45', 1);
    expect(await root.problems()).toEqual([]);
  });

  it('filters bought products with include and exclude chips, suggesting the shop\'s categories', async () => {
    await root.addCondition('Bought');
    const bought = await root.condition(0);
    expect(await bought.title()).toBe('Bought');
    const include = await bought.filter('categories', 'include');
    expect(await include.tone()).toBe('include');
    expect(await include.suggestionsFor('jard')).toEqual(['Jardín', 'Jardín > Plantas']);
    await include.add('Jardín');
    const exclude = await bought.filter('categories', 'exclude');
    expect(await exclude.tone()).toBe('exclude');
    await exclude.add('Jardín > Plantas');
    await (await bought.filter('stores', 'include')).add('atlantis');

    expect(rule().conditions[0]['filter']).toEqual({
      categories: { include: ['Jardín'], exclude: ['Jardín > Plantas'] },
      stores: { include: ['atlantis'], exclude: [] },
    });
    expect(await bought.problems()).toEqual(['there is no store "atlantis"']);

    await (await bought.filter('stores', 'include')).remove('atlantis');
    expect(rule().conditions[0]['filter']).toEqual({ categories: { include: ['Jardín'], exclude: ['Jardín > Plantas'] } });
    expect(await bought.problems()).toEqual([]);
  });

  it('tests dates on a day, relative to today, or ignoring the year, across the year end', async () => {
    await root.addCondition('Birth date');
    const birthday = await (await root.condition(0)).test();
    expect(await birthday.modes()).toEqual(['On a date', 'Relative to today', 'Ignoring the year', 'Presence']);

    await birthday.setOperator('anniversary_between');
    expect(await birthday.inputLabels()).toEqual(['from day (MM-DD)', 'to day']);
    await birthday.fill('12-02', 0);
    await birthday.fill('01-03', 1);
    expect(rule().conditions[0]['test']).toEqual({ op: 'anniversary_between', from: '12-02', to: '01-03' });
    expect(await root.problems()).toEqual([]);

    await birthday.fill('02-31', 1);
    expect(await birthday.problems()).toEqual(['is not a day of any year'].map((m) => expect.stringContaining(m)));

    await birthday.setOperator('in_last_days');
    await birthday.fill('7');
    expect(rule().conditions[0]['test']).toEqual({ op: 'in_last_days', days: 7 });

    // A purchase window only offers operators that describe a span of days.
    await root.addCondition('Spend');
    const window = await (await root.condition(1)).setWindow(true);
    expect(await window?.operators()).not.toContain('anniversary_between');
    expect(rule().conditions[1]['window']).toEqual({ op: 'in_last_days', days: 30 });
  });

  it('filters events by their properties: add_to_cart with category "Plantas"', async () => {
    await root.addCondition('Performed an event');
    const event = await root.condition(0);
    const category = await event.addProperty('category');
    await category.fill('Plantas');
    expect(rule().conditions[0]).toEqual({
      kind: 'event',
      eventType: 'add_to_cart',
      times: { op: 'at_least', count: 1 },
      window: { op: 'in_last_days', days: 30 },
      properties: [{ key: 'category', type: 'text', test: { op: 'equals', value: 'Plantas' } }],
    });
    expect(validateSegmentRule(rule(), catalogue)).toEqual([]);
  });

  it('negates a group: "do not match any of these"', async () => {
    await root.addGroup();
    const nested = await root.group(0);
    await nested.setNegate(true);
    await nested.addCondition('Consent');
    await (await nested.condition(0)).select('Channel', 'sms');
    expect(rule().conditions[0]).toEqual({
      kind: 'group',
      match: 'any',
      negate: true,
      conditions: [{ kind: 'consent', channel: 'sms', status: 'given' }],
    });
    expect(nested.host.textContent).toContain('Customers who do not match');
  });
});
