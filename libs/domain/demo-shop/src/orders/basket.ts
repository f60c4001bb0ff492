import type { SeededRandom } from '../random/seeded-random';
import { gamma, poisson } from '../random/distributions';
import { WeightedPicker } from '../random/weighted-picker';
import { departmentFactor } from '../calendar/seasonality';
import type { Catalogue } from '../catalogue/product-catalogue';
import type { ProductRow } from '../demo-shop-rows';

/** Departments and subcategories bought by the unit rather than one at a time. */
const CONSUMABLES = new Set(['Supermercado ECO', 'Bebé y niño > Higiene del bebé', 'Bebé y niño > Alimentación infantil', 'Hogar > Limpieza ECO']);

function pickCumulative(random: SeededRandom, cumulative: Float64Array, total: number): number {
  const target = random.float() * total;
  let index = 0;
  while (cumulative[index] <= target) index++;
  return index;
}

export interface BasketItem {
  readonly product: ProductRow;
  readonly quantity: number;
}

/**
 * Chooses what goes into a customer's orders: departments by the customer's preferences times
 * the month's demand, products by their popularity, and habitual products bought again.
 */
export class BasketChooser {
  private readonly productPickers: WeightedPicker<ProductRow>[];
  /** Reused cumulative weights: one basket per order, millions of orders. */
  private readonly seasonalWeights = new Float64Array(16);

  private readonly consumables: Set<number>;

  constructor(catalogue: Catalogue, random: SeededRandom) {
    this.consumables = new Set(
      catalogue.products
        .filter((product) => CONSUMABLES.has(product.categoryPath) || CONSUMABLES.has(String(product.attributes['department'])))
        .map((product) => product.id),
    );
    // Popularity is heavy-tailed: a few bestsellers per department.
    this.productPickers = catalogue.productsByDepartment.map(
      (products) => new WeightedPicker(products, products.map(() => gamma(random, 0.8))),
    );
  }

  /** One basket. `habits` are the customer's earlier products; it grows as they buy. */
  choose(random: SeededRandom, preferences: readonly number[], month: number, meanLines: number, habits: ProductRow[]): BasketItem[] {
    const weights = this.seasonalWeights;
    let total = 0;
    for (let department = 0; department < preferences.length; department++) {
      total += preferences[department] * departmentFactor(department, month);
      weights[department] = total;
    }
    const lineCount = 1 + poisson(random, Math.max(0, meanLines - 1));
    const items: BasketItem[] = [];
    const chosen = new Set<number>();
    for (let attempt = 0; items.length < lineCount && attempt < lineCount * 3; attempt++) {
      const product =
        habits.length > 0 && random.chance(0.35) ? random.pick(habits) : this.productPickers[pickCumulative(random, weights, total)].pick(random);
      if (chosen.has(product.id)) continue;
      chosen.add(product.id);
      const quantity = this.consumables.has(product.id) ? 1 + poisson(random, 0.9) : random.chance(0.12) ? 2 : 1;
      items.push({ product, quantity });
      if (habits.length < 12 && !habits.includes(product)) habits.push(product);
    }
    return items;
  }

  /** A few products a customer might look at, favourite or leave in a cart. */
  browse(random: SeededRandom, preferences: readonly number[], count: number): ProductRow[] {
    const weights = this.seasonalWeights;
    let total = 0;
    for (let department = 0; department < preferences.length; department++) weights[department] = total += preferences[department];
    const products: ProductRow[] = [];
    for (let i = 0; i < count; i++) {
      const product = this.productPickers[pickCumulative(random, weights, total)].pick(random);
      if (!products.includes(product)) products.push(product);
    }
    return products;
  }
}
