import type { SeededRandom } from '../random/seeded-random';
import type { CategoryRow, ProductRow } from '../demo-shop-rows';
import { DEPARTMENTS } from './category-tree';

export interface Catalogue {
  readonly categories: readonly CategoryRow[];
  readonly products: readonly ProductRow[];
  /** Product ids of each department, in DEPARTMENTS order. */
  readonly productsByDepartment: readonly (readonly ProductRow[])[];
}

const PRODUCTS_PER_SUBCATEGORY = 14;

/** Prices end in .95 or .99 as on a real shelf. */
function shelfPrice(random: SeededRandom, min: number, max: number): number {
  const raw = min + Math.pow(random.float(), 1.6) * (max - min); // cheaper items are more common
  const euros = Math.max(1, Math.floor(raw));
  return euros * 100 + (random.chance(0.5) ? 95 : 99);
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The category tree and about 340 products with brands, prices, costs and images. */
export function buildCatalogue(random: SeededRandom): Catalogue {
  const categories: CategoryRow[] = [];
  const products: ProductRow[] = [];
  const productsByDepartment: ProductRow[][] = [];
  DEPARTMENTS.forEach((department, departmentIndex) => {
    const departmentId = categories.length + 1;
    categories.push({ id: departmentId, path: department.name, name: department.name, parentId: null });
    const inDepartment: ProductRow[] = [];
    for (const subcategory of department.subcategories) {
      const subcategoryId = categories.length + 1;
      const path = `${department.name} > ${subcategory.name}`;
      categories.push({ id: subcategoryId, path, name: subcategory.name, parentId: departmentId });
      for (let n = 1; n <= PRODUCTS_PER_SUBCATEGORY; n++) {
        const productType = subcategory.types[(n - 1) % subcategory.types.length];
        const variant = subcategory.variants[Math.floor((n - 1) / subcategory.types.length) % subcategory.variants.length];
        const brand = random.pick(department.brands);
        const sku = `${department.code}-${subcategory.code}-${String(n).padStart(3, '0')}`;
        const price = shelfPrice(random, productType.minPrice, productType.maxPrice);
        const name = `${productType.noun} ${variant} ${brand}`;
        const product: ProductRow = {
          id: products.length + 1,
          externalId: sku,
          name,
          priceCents: price,
          currency: 'EUR',
          // A stable placeholder photo per SKU, so the 360 profile shows images without assets.
          imageUrl: `https://picsum.photos/seed/${sku.toLowerCase()}/600/600`,
          // Unit cost before tax, 40–65 % of the net shelf price: margins differ per product.
          costCents: Math.round((price / 1.21) * random.between(0.4, 0.65)),
          taxClass: subcategory.taxClass,
          departmentIndex,
          categoryIds: [departmentId, subcategoryId],
          categoryPath: path,
          slug: slug(name),
          attributes: {
            brand,
            department: department.name,
            subcategory: subcategory.name,
            eco: variant.includes('ECO') || department.name.endsWith('ECO'),
          },
        };
        products.push(product);
        inDepartment.push(product);
      }
    }
    productsByDepartment.push(inDepartment);
  });
  return { categories, products, productsByDepartment };
}
