import { IngestionService } from '@marea/engine/ingestion';
import { useTestDatabase } from '@marea/testing';
import { PostgresIngestionStore } from './postgres-ingestion-store';

describe('products in PostgreSQL', () => {
  const db = useTestDatabase();
  const ingestion = () => new IngestionService(new PostgresIngestionStore(db().dataSource));
  const query = (text: string, params: unknown[] = []) => db().dataSource.query(text, params);

  it('creates every level of a category path with its parent and links the product to all of them', async () => {
    const result = await ingestion().upsertProducts([
      { externalId: 'pan', name: 'Sartén', price: 24.9, categories: ['Hogar > Cocina'], attributes: { brand: 'Bra' } },
      { externalId: 'fork', name: 'Tenedor', categories: ['Hogar>Cocina'] },
    ]);
    expect(result.created).toBe(2);
    const categories = await query(
      `SELECT c.path, c.name, p.path AS parent FROM categories c LEFT JOIN categories p ON p.id = c.parent_id ORDER BY 1`,
    );
    expect(categories).toEqual([
      { path: 'Hogar', name: 'Hogar', parent: null },
      { path: 'Hogar > Cocina', name: 'Cocina', parent: 'Hogar' },
    ]);
    const [{ links }] = await query(`SELECT count(*)::int AS links FROM product_categories`);
    expect(links).toBe(4);
  });

  it('reports a change of categories alone as an update, and a repeat as unchanged', async () => {
    const moved = await ingestion().upsertProducts([{ externalId: 'pan', name: 'Sartén', categories: ['Hogar > Menaje'] }]);
    expect(moved.items[0].outcome).toBe('updated');
    const paths = await query(
      `SELECT c.path FROM product_categories pc JOIN categories c ON c.id = pc.category_id
       JOIN products p ON p.id = pc.product_id WHERE p.external_id = 'pan' ORDER BY 1`,
    );
    expect(paths.map((p: { path: string }) => p.path)).toEqual(['Hogar', 'Hogar > Menaje']);
    const again = await ingestion().upsertProducts([{ externalId: 'pan', name: 'Sartén', categories: ['Hogar > Menaje'] }]);
    expect(again.items[0].outcome).toBe('unchanged');
    const [product] = await query(`SELECT price, attributes FROM products WHERE external_id = 'pan'`);
    expect(product).toEqual({ price: '24.9000', attributes: { brand: 'Bra' } });
  });
});
