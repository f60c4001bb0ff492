import fc from 'fast-check';
import { HandlebarsMessageRenderer, TemplateRenderingError } from './handlebars-message-renderer';

const renderer = new HandlebarsMessageRenderer({ locale: 'en-GB', timeZone: 'Europe/Madrid', currency: 'EUR' });
const ana = {
  customer: { firstName: 'Ana', lastName: 'García', city: '' },
  order: { id: '1042', total: 1234.5, placedAt: '2025-03-01T23:30:00Z' },
  cart: { items: [{ name: 'Fern', qty: 2 }, { name: 'Pot <large>', qty: 1 }] },
};

describe('Message templates (Handlebars)', () => {
  it('fills subject, HTML and text from customer, order and cart data', () => {
    const rendered = renderer.render(
      {
        subject: 'Your order #{{order.id}}, {{customer.firstName}}',
        html: '<p>Hi {{customer.firstName}}</p><ul>{{#each cart.items}}<li>{{qty}} × {{name}}</li>{{/each}}</ul>',
        text: 'Hi {{customer.firstName}}: {{#each cart.items}}{{qty}} × {{name}}; {{/each}}',
      },
      ana,
    );
    expect(rendered).toEqual({
      subject: 'Your order #1042, Ana',
      html: '<p>Hi Ana</p><ul><li>2 × Fern</li><li>1 × Pot &lt;large&gt;</li></ul>',
      text: 'Hi Ana: 2 × Fern; 1 × Pot <large>; ',
    });
  });

  it('escapes data in HTML but not in the subject or the text', () => {
    const rendered = renderer.render({ subject: '{{name}}', html: '<b>{{name}}</b>', text: '{{name}}' }, { name: 'Tom & Jerry <script>' });
    expect(rendered.html).toBe('<b>Tom &amp; Jerry &lt;script&gt;</b>');
    expect(rendered.subject).toBe('Tom & Jerry <script>');
    expect(rendered.text).toBe('Tom & Jerry <script>');
  });

  it('formats money and dates in the locale and time zone, and falls back with default', () => {
    const text = '{{money order.total}} | {{money order.total "USD" locale="en-US"}} | {{date order.placedAt "long"}} | {{date order.placedAt "long" timeZone="America/New_York"}} | {{default customer.city "your city"}}';
    expect(renderer.render({ text }, ana).text).toBe('€1,234.50 | $1,234.50 | 2 March 2025 | 1 March 2025 | your city');
  });

  it('takes the customer’s locale and time zone from the context root', () => {
    expect(renderer.render({ text: '{{money 5}} {{date at "full"}}' }, { locale: 'es-ES', timeZone: 'Asia/Tokyo', at: '2025-03-01T20:00:00Z' }).text).toBe(
      '5,00\u00a0€ domingo, 2 de marzo de 2025',
    );
  });

  it('helpers never fail on odd data: nothing sensible to show renders empty', () => {
    const text = '[{{money "abc"}}][{{money}}][{{date "not a date"}}][{{date}}][{{money 3 "XXXX"}}][{{date at timeZone="Nowhere/City"}}]';
    expect(renderer.render({ text }, { at: '2025-03-01T12:00:00Z' }).text).toBe('[][][][][3.00 XXXX][1 Mar 2025]');
  });

  it('gives nothing of the prototype: constructor, __proto__, lookup', () => {
    const text = '[{{constructor}}][{{__proto__}}][{{lookup this "constructor"}}][{{customer.constructor.name}}][{{#with constructor}}{{name}}{{/with}}][{{toString}}][{{lookup (lookup this "constructor") "name"}}][{{@root.constructor}}]';
    expect(renderer.render({ text }, ana).text).toBe('[][][][][][][][]');
  });

  // The published Handlebars remote-code-execution payload (the constructor of String.prototype.sub
  // reached through `lookup`), aimed at a marker it would set on the global object.
  it('runs nothing of the published prototype-pollution payload', () => {
    const text = [
      '{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}',
      '{{this.push (lookup string.sub "constructor")}}{{this.pop}}',
      '{{#with string.split as |codelist|}}{{this.pop}}{{this.push "globalThis.__mareaPwned = true; return 1;"}}{{this.pop}}',
      '{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}',
      '{{/with}}{{/with}}{{/with}}{{/with}}',
    ].join('');
    try {
      renderer.render({ text }, ana);
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateRenderingError);
    }
    expect((globalThis as Record<string, unknown>)['__mareaPwned']).toBeUndefined();
    expect(({} as Record<string, unknown>)['pop']).toBeUndefined();
  });

  it('check() finds syntax errors, unknown helpers, partials and bad blocks, with field, line and column', () => {
    const problems = renderer.check({
      subject: 'Hi {{customer.firstName',
      html: '<p>\n  {{shout customer.firstName}}</p>',
      text: 'line one\n{{> footer}}',
    });
    expect(problems).toEqual([
      { field: 'subject', line: 1, column: expect.any(Number), message: expect.stringContaining('Syntax error') },
      { field: 'html', line: 2, column: 3, message: expect.stringContaining('unknown helper shout') },
      { field: 'text', line: 2, column: 1, message: 'Partials are not supported in message templates' },
    ]);
    expect(renderer.check({ text: '{{#if}}x{{/if}}' })).toEqual([{ field: 'text', line: 1, column: 1, message: expect.stringContaining('#if requires exactly one argument') }]);
    expect(renderer.check({ text: '{{#each items}}x{{/eahc}}' })).toEqual([{ field: 'text', line: 1, column: 4, message: expect.stringContaining("each doesn't match eahc") }]);
    expect(renderer.check({ text: '{{log "x"}}' })).toEqual([expect.objectContaining({ message: expect.stringContaining('unknown helper log') })]);
  });

  it('a good template has no problems; render() refuses a bad one with the same problems', () => {
    expect(renderer.check({ subject: 'Hi {{default customer.firstName "there"}}', html: '<p>{{money order.total}}</p>', text: '{{date order.placedAt}}' })).toEqual([]);
    const bad = { text: 'Hi {{oops customer}}' };
    expect(() => renderer.render(bad, ana)).toThrow(TemplateRenderingError);
  });

  it('a helper registered globally on Handlebars does not leak into the renderer', async () => {
    const Handlebars = (await import('handlebars')).default;
    Handlebars.registerHelper('leak', () => 'leaked');
    try {
      expect(new HandlebarsMessageRenderer().check({ text: '{{leak}}' })).toEqual([]); // a plain (missing) property …
      expect(new HandlebarsMessageRenderer().render({ text: '[{{leak}}]' }, {}).text).toBe('[]'); // … renders nothing
      expect(new HandlebarsMessageRenderer().check({ text: '{{leak 1}}' })).toHaveLength(1); // and as a helper it is unknown
    } finally {
      Handlebars.unregisterHelper('leak');
    }
  });

  describe('with any template and any data', () => {
    const pieces = fc.constantFrom(
      'Hi ', '\n', '{{', '}}', '{{{', '}}}', '{{#if a}}', '{{#each list}}', '{{/each}}', '{{/if}}', '{{else}}', '{{a}}', '{{a.b}}',
      '{{constructor}}', '{{__proto__}}', '{{lookup this "constructor"}}', '{{lookup a "__proto__"}}', '{{money a}}', '{{date a "long"}}',
      '{{default a "x"}}', '{{this}}', '{{../a}}', '{{@root.a}}', '{{> p}}', '{{!-- c --}}', '{{#with a}}', '{{/with}}', '{{unknown a}}', '"', '<b>', '&',
      '{{@index}}', '{{toString}}', '{{valueOf}}', '{{hasOwnProperty}}', '{{a.constructor.name}}', '{{#a}}', '{{/a}}', '{{^a}}', '}', '{',
    );
    const template = fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join(''));
    const data = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.string(), tie('value'), { maxKeys: 3 })),
    })).value;

    it('never throw when check() found nothing, and never leak prototype members', () => {
      fc.assert(
        fc.property(template, template, fc.record({ a: data, list: fc.array(data, { maxLength: 3 }) }), (html, text, context) => {
          const problems = renderer.check({ html, text });
          if (problems.length > 0) {
            expect(() => renderer.render({ html, text }, context)).toThrow(TemplateRenderingError);
            return;
          }
          const rendered = renderer.render({ html, text }, context);
          for (const output of [rendered.html, rendered.text]) {
            expect(output).not.toMatch(/function|\[native code\]|Object\(\)/);
          }
        }),
        { numRuns: 400 },
      );
    });
  });
});
