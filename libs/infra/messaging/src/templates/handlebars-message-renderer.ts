import Handlebars from 'handlebars';
import type { MessageRenderer, MessageTemplate, RenderedMessage, TemplateProblem } from '@marea/engine/messaging';
import { templateData } from './template-data';
import { templateHelpers, TEMPLATE_HELPER_NAMES, type RenderingDefaults } from './template-helpers';

type Field = TemplateProblem['field'];
type Compiled = (context: unknown) => string;
type Compilation = { render: Compiled } | { problem: TemplateProblem };

/** Built-ins a template may use besides ours; `log` (writes to the server console) is left out. */
const BUILT_IN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup'] as const;

/** Enough for every template of every active automation; past it the cache starts over. */
const COMPILED_CACHE_SIZE = 1000;

/** A template with problems cannot be rendered; `problems` says where and why. */
export class TemplateRenderingError extends Error {
  constructor(readonly problems: TemplateProblem[]) {
    super(`The template has ${problems.length} problem(s): ${problems.map((p) => `${p.field} ${p.line}:${p.column} ${p.message}`).join('; ')}`);
    this.name = 'TemplateRenderingError';
  }
}

/**
 * Message templates with Handlebars, strict about syntax and safe about data.
 *
 * - A fresh Handlebars environment of its own, with only `money`, `date`, `default` and the
 *   harmless built-ins: a helper registered globally elsewhere cannot leak in, and an unknown
 *   helper is a problem found by `check()`, not an empty string found by a customer.
 * - Prototype access stays denied (Handlebars' default since 4.6, and we never enable it), so
 *   `{{constructor}}`, `{{__proto__}}` or `{{lookup this "constructor"}}` render nothing.
 * - HTML-escaped in `html`; `subject` and `text` are plain text, so no `&amp;` in a subject line.
 * - Partials and decorators are refused: a message is one self-contained template.
 * - The data is copied to plain values first (see `templateData`), so no data makes it throw.
 */
export class HandlebarsMessageRenderer implements MessageRenderer {
  private readonly handlebars = Handlebars.create();
  /** Compiled templates by field and source: one automation step renders the same template for every customer. */
  private readonly compiled = new Map<string, Compilation>();

  constructor(defaults: Partial<RenderingDefaults> = {}) {
    const helpers = templateHelpers({ locale: 'en', timeZone: 'UTC', currency: 'EUR', ...defaults });
    for (const name of Object.keys(this.handlebars.helpers)) {
      if (!(BUILT_IN_HELPERS as readonly string[]).includes(name) && name !== 'helperMissing' && name !== 'blockHelperMissing') this.handlebars.unregisterHelper(name);
    }
    this.handlebars.registerHelper(helpers);
  }

  check(template: MessageTemplate): TemplateProblem[] {
    return fieldsOf(template).flatMap(([field, source]) => {
      const outcome = this.compile(field, source);
      return 'problem' in outcome ? [outcome.problem] : [];
    });
  }

  render(template: MessageTemplate, context: Record<string, unknown>): RenderedMessage {
    const rendered: Record<Field, string> = { subject: '', html: '', text: '' };
    const problems: TemplateProblem[] = [];
    const data = templateData(context);
    for (const [field, source] of fieldsOf(template)) {
      const outcome = this.compile(field, source);
      if ('problem' in outcome) problems.push(outcome.problem);
      else rendered[field] = outcome.render(data);
    }
    if (problems.length) throw new TemplateRenderingError(problems);
    return rendered;
  }

  private compile(field: Field, source: string): Compilation {
    const key = `${field}\u0000${source}`;
    let outcome = this.compiled.get(key);
    if (!outcome) {
      if (this.compiled.size >= COMPILED_CACHE_SIZE) this.compiled.clear();
      outcome = this.compileNow(field, source);
      this.compiled.set(key, outcome);
    }
    return outcome;
  }

  /**
   * Parses, compiles and runs a template once against an empty context: an error that does not
   * depend on the data (a bad block, `{{#if}}` without its argument …) surfaces here, in
   * `check()`, and not at send time.
   */
  private compileNow(field: Field, source: string): Compilation {
    try {
      const ast = this.handlebars.parse(source);
      const refused = refusedStatement(ast);
      if (refused) return { problem: { field, line: refused.loc.start.line, column: refused.loc.start.column + 1, message: refused.message } };
      const compiled = this.handlebars.compile(ast, {
        noEscape: field !== 'html',
        knownHelpersOnly: true,
        knownHelpers: { ...Object.fromEntries([...BUILT_IN_HELPERS, ...TEMPLATE_HELPER_NAMES].map((name) => [name, true])), log: false },
        // Never relaxed: data comes from customers and shops; templates from marketers.
        strict: false,
        assumeObjects: false,
        preventIndent: true,
      });
      const run: Compiled = (context) => compiled(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      run({});
      return { render: run };
    } catch (error) {
      return { problem: problemOf(field, error, this.handlebars) };
    }
  }
}

function fieldsOf(template: MessageTemplate): [Field, string][] {
  return [
    ['subject', template.subject ?? ''],
    ['html', template.html ?? ''],
    ['text', template.text],
  ];
}

interface Located {
  loc: { start: { line: number; column: number } };
  message: string;
}

/** The first partial or decorator in a template, which Marea's templates do not support. */
function refusedStatement(ast: hbs.AST.Program): Located | null {
  let found: Located | null = null;
  const visitor = new Handlebars.Visitor();
  const refuse = (what: string) => (node: hbs.AST.Node) => {
    found ??= { loc: node.loc, message: `${what} are not supported in message templates` };
  };
  Object.assign(visitor, {
    PartialStatement: refuse('Partials'),
    PartialBlockStatement: refuse('Partials'),
    Decorator: refuse('Decorators'),
    DecoratorBlock: refuse('Decorators'),
  });
  visitor.accept(ast);
  return found;
}

interface HandlebarsException {
  message: string;
  lineNumber?: number;
  column?: number;
}

/** Where and why: Handlebars exceptions carry a location; parse errors leave it on the lexer. */
function problemOf(field: Field, error: unknown, handlebars: typeof Handlebars): TemplateProblem {
  const exception = error as HandlebarsException;
  const message = String(exception.message ?? error);
  if (typeof exception.lineNumber === 'number' && typeof exception.column === 'number') {
    return { field, line: exception.lineNumber, column: exception.column + 1, message: message.replace(/ - \d+:\d+$/, '') };
  }
  if (message.startsWith('Parse error')) {
    const lexer = (handlebars as unknown as { Parser: { lexer: { yylloc?: { first_line: number; first_column: number } } } }).Parser.lexer;
    const where = lexer.yylloc ?? { first_line: 1, first_column: 0 };
    const lines = message.split('\n');
    return { field, line: where.first_line, column: where.first_column + 1, message: `Syntax error: ${lines[lines.length - 1]}` };
  }
  return { field, line: 1, column: 1, message };
}
