import type { HelperOptions } from 'handlebars';

/** Locale and time zone for `money` and `date`, unless a template says otherwise. */
export interface RenderingDefaults {
  readonly locale: string;
  readonly timeZone: string;
  readonly currency: string;
}

const DATE_STYLES = ['short', 'medium', 'long', 'full'] as const;
type DateStyle = (typeof DATE_STYLES)[number];

/**
 * The helpers a template may use. Each is total: whatever the data, it returns a string (empty
 * when there is nothing sensible to show) and never throws, so a template that passed
 * `check()` renders for every customer.
 *
 * Locale and time zone come from the helper's hash (`locale="es-ES" timeZone="Europe/Madrid"`),
 * else from `locale` / `timeZone` at the root of the context (the customer's), else the defaults.
 */
export function templateHelpers(defaults: RenderingDefaults) {
  const setting = (options: HelperOptions, name: 'locale' | 'timeZone' | 'currency'): string => {
    const fromHash: unknown = options.hash?.[name];
    if (typeof fromHash === 'string' && fromHash) return fromHash;
    const root: unknown = options.data?.root;
    const fromRoot = root && typeof root === 'object' && Object.hasOwn(root, name) ? (root as Record<string, unknown>)[name] : undefined;
    return typeof fromRoot === 'string' && fromRoot ? fromRoot : defaults[name];
  };

  return {
    /** `{{money order.total "EUR"}}` → "€1,234.50" (in the locale). */
    money(...args: unknown[]): string {
      const options = args.pop() as HelperOptions;
      const [amount, currencyArgument] = args;
      const value = typeof amount === 'number' ? amount : typeof amount === 'string' && amount.trim() !== '' ? Number(amount) : NaN;
      if (!Number.isFinite(value)) return '';
      const currency = typeof currencyArgument === 'string' && currencyArgument ? currencyArgument : setting(options, 'currency');
      return formatOr(() => new Intl.NumberFormat(setting(options, 'locale'), { style: 'currency', currency }).format(value), `${value.toFixed(2)} ${currency}`);
    },

    /** `{{date order.placedAt "long"}}` → "3 March 2025" (in the locale and time zone); styles short, medium (default), long, full. */
    date(...args: unknown[]): string {
      const options = args.pop() as HelperOptions;
      const [input, styleArgument] = args;
      const at = input instanceof Date ? input : typeof input === 'string' || typeof input === 'number' ? new Date(input) : null;
      if (!at || Number.isNaN(at.getTime())) return '';
      const dateStyle: DateStyle = DATE_STYLES.includes(styleArgument as DateStyle) ? (styleArgument as DateStyle) : 'medium';
      const render = (timeZone: string) => new Intl.DateTimeFormat(setting(options, 'locale'), { dateStyle, timeZone }).format(at);
      return formatOr(() => render(setting(options, 'timeZone')), formatOr(() => render('UTC'), at.toISOString().slice(0, 10)));
    },

    /** `{{default customer.firstName "there"}}`: the value, or the fallback when it is missing or empty. */
    default(...args: unknown[]): unknown {
      args.pop();
      const [value, fallback] = args;
      return value === undefined || value === null || value === '' ? (fallback ?? '') : value;
    },
  };
}

export const TEMPLATE_HELPER_NAMES = ['money', 'date', 'default'] as const;

/** An unknown locale, currency or time zone falls back rather than failing the send. */
function formatOr(format: () => string, fallback: string): string {
  try {
    return format();
  } catch {
    return fallback;
  }
}
