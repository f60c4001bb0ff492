/** How a product is taxed; the rate depends on the country of the store (see tax-rates.ts). */
export type TaxClass = 'general' | 'reduced' | 'super_reduced';

export interface ProductType {
  /** Product noun, e.g. "Sartén". */
  readonly noun: string;
  /** Shelf price range in EUR, tax included. */
  readonly minPrice: number;
  readonly maxPrice: number;
}

export interface Subcategory {
  readonly name: string;
  readonly code: string;
  readonly taxClass: TaxClass;
  readonly types: readonly ProductType[];
  readonly variants: readonly string[];
}

export interface Department {
  readonly name: string;
  readonly code: string;
  readonly brands: readonly string[];
  readonly subcategories: readonly Subcategory[];
}

const type = (noun: string, minPrice: number, maxPrice: number): ProductType => ({ noun, minPrice, maxPrice });

/**
 * The departments of the demo shop (exactly the ones PRODUCT.md names), each with a few
 * subcategories. Category paths are "Department > Subcategory".
 */
export const DEPARTMENTS: readonly Department[] = [
  {
    name: 'Bebé y niño',
    code: 'BEB',
    brands: ['Nenúfar', 'Petit Bosc', 'Mimitos', 'Kubi Kids'],
    subcategories: [
      { name: 'Juguetes', code: 'JUG', taxClass: 'general', types: [type('Puzzle de madera', 9, 25), type('Peluche', 12, 35), type('Bloques de construcción', 15, 45), type('Cocinita de juguete', 39, 120)], variants: ['natural', 'multicolor', 'Montessori', 'de algodón orgánico'] },
      { name: 'Higiene del bebé', code: 'HIG', taxClass: 'general', types: [type('Toallitas', 2.5, 6), type('Pañales', 9, 19), type('Crema del pañal', 5, 12), type('Champú suave', 4, 10)], variants: ['ECO', 'sin perfume', 'pack ahorro', 'pieles atópicas'] },
      { name: 'Textil infantil', code: 'TEX', taxClass: 'general', types: [type('Body', 8, 18), type('Pijama', 14, 29), type('Saco de dormir', 29, 59), type('Muselina', 9, 22)], variants: ['algodón orgánico', 'rayas', 'estrellas', 'talla 0-6 m'] },
      { name: 'Alimentación infantil', code: 'ALI', taxClass: 'super_reduced', types: [type('Papilla de cereales', 3, 6), type('Potito de verduras', 1.5, 3.5), type('Leche de continuación', 12, 24), type('Galletas infantiles', 2, 4.5)], variants: ['ECO', 'sin gluten', 'desde 6 meses', 'desde 12 meses'] },
    ],
  },
  {
    name: 'Hogar',
    code: 'HOG',
    brands: ['Casa Lúa', 'Olmo', 'Lino & Barro', 'Domus Verde'],
    subcategories: [
      { name: 'Cocina', code: 'COC', taxClass: 'general', types: [type('Sartén', 19, 59), type('Juego de cuchillos', 25, 89), type('Tabla de cortar', 9, 29), type('Tarro de cristal', 3, 12)], variants: ['de bambú', 'de acero inoxidable', 'antiadherente 28 cm', 'de hierro fundido'] },
      { name: 'Limpieza ECO', code: 'LIM', taxClass: 'general', types: [type('Detergente', 6, 14), type('Lavavajillas', 4, 9), type('Limpiador multiusos', 3, 7), type('Bayetas', 3, 8)], variants: ['biodegradable', 'recarga 5 l', 'concentrado', 'sin fragancia'] },
      { name: 'Textil hogar', code: 'TXH', taxClass: 'general', types: [type('Juego de sábanas', 35, 89), type('Toalla de baño', 12, 29), type('Manta', 29, 79), type('Cojín', 14, 35)], variants: ['de lino', 'algodón orgánico', 'gris perla', 'terracota'] },
      { name: 'Decoración', code: 'DEC', taxClass: 'general', types: [type('Jarrón', 15, 49), type('Vela aromática', 8, 24), type('Cesta de mimbre', 19, 45), type('Espejo redondo', 39, 129)], variants: ['artesanal', 'de cerámica', 'natural', 'nórdico'] },
    ],
  },
  {
    name: 'Huerto ECO',
    code: 'HUE',
    brands: ['Semillas del Sur', 'Tierra Viva', 'Hortus', 'Batlle ECO'],
    subcategories: [
      { name: 'Semillas', code: 'SEM', taxClass: 'reduced', types: [type('Semillas de tomate', 2, 4.5), type('Semillas de lechuga', 1.8, 3.5), type('Semillas de pimiento', 2, 4.5), type('Kit de aromáticas', 9, 19)], variants: ['ECO', 'variedad tradicional', 'cherry', 'de temporada'] },
      { name: 'Sustratos y abonos', code: 'SUS', taxClass: 'reduced', types: [type('Sustrato universal', 6, 15), type('Humus de lombriz', 8, 18), type('Abono orgánico', 7, 16), type('Compost', 5, 12)], variants: ['20 l', '50 l', 'ECO certificado', 'para huerto urbano'] },
      { name: 'Herramientas de huerto', code: 'HER', taxClass: 'general', types: [type('Azada', 15, 39), type('Kit de trasplante', 12, 29), type('Guantes de jardinería', 5, 14), type('Pulverizador', 9, 25)], variants: ['mango de fresno', 'ergonómico', 'acero forjado', 'infantil'] },
      { name: 'Mesas de cultivo', code: 'MES', taxClass: 'general', types: [type('Mesa de cultivo', 69, 189), type('Bancal elevado', 59, 159), type('Jardinera con reserva de agua', 29, 79), type('Invernadero de balcón', 39, 99)], variants: ['de madera de pino', 'de acero galvanizado', '120 x 60 cm', '80 x 40 cm'] },
    ],
  },
  {
    name: 'Jardín y exterior',
    code: 'JAR',
    brands: ['Solana', 'Pérgola', 'Hesperia', 'Garda'],
    subcategories: [
      { name: 'Mobiliario de jardín', code: 'MOB', taxClass: 'general', types: [type('Silla de exterior', 39, 119), type('Mesa de terraza', 89, 349), type('Tumbona', 79, 249), type('Hamaca', 49, 129)], variants: ['de teca', 'de ratán sintético', 'plegable', 'de aluminio'] },
      { name: 'Riego', code: 'RIE', taxClass: 'general', types: [type('Manguera', 19, 59), type('Programador de riego', 29, 89), type('Kit de goteo', 19, 49), type('Regadera', 8, 25)], variants: ['25 m', 'extensible', 'solar', 'de zinc'] },
      { name: 'Iluminación exterior', code: 'ILU', taxClass: 'general', types: [type('Guirnalda de luces', 15, 45), type('Baliza solar', 9, 29), type('Farol', 19, 59), type('Foco LED', 25, 79)], variants: ['solar', 'cálida', 'con sensor', 'resistente al agua'] },
      { name: 'Barbacoas', code: 'BBQ', taxClass: 'general', types: [type('Barbacoa de carbón', 69, 299), type('Plancha de gas', 149, 449), type('Set de utensilios', 19, 49), type('Carbón vegetal', 8, 19)], variants: ['portátil', 'con tapa', 'de acero', 'ECO'] },
    ],
  },
  {
    name: 'Plantas',
    code: 'PLA',
    brands: ['Verdeluz', 'Flora Viva', 'Monstera & Co', 'Raíces'],
    subcategories: [
      { name: 'Plantas de interior', code: 'INT', taxClass: 'reduced', types: [type('Monstera', 19, 59), type('Pothos', 9, 25), type('Ficus lyrata', 29, 89), type('Sansevieria', 12, 35)], variants: ['maceta 12 cm', 'maceta 17 cm', 'maceta 24 cm', 'variegata'] },
      { name: 'Plantas de exterior', code: 'EXT', taxClass: 'reduced', types: [type('Olivo', 29, 99), type('Lavanda', 4, 12), type('Buganvilla', 15, 45), type('Rosal', 9, 29)], variants: ['maceta 14 cm', 'maceta 19 cm', 'ejemplar grande', 'pack de 3'] },
      { name: 'Macetas', code: 'MAC', taxClass: 'general', types: [type('Maceta de terracota', 5, 25), type('Macetero colgante', 12, 35), type('Maceta autorriego', 15, 45), type('Jardinera rectangular', 12, 39)], variants: ['16 cm', '24 cm', 'esmaltada', 'reciclada'] },
      { name: 'Cuidado de plantas', code: 'CUI', taxClass: 'reduced', types: [type('Fertilizante líquido', 5, 12), type('Insecticida ecológico', 7, 16), type('Tutor de coco', 4, 12), type('Arcilla expandida', 4, 10)], variants: ['ECO', '500 ml', '1 l', 'para cactus'] },
    ],
  },
  {
    name: 'Supermercado ECO',
    code: 'SUP',
    brands: ['Campo Claro', 'La Alacena', 'Bio Sierra', 'Zielony Koszyk'],
    subcategories: [
      { name: 'Despensa', code: 'DES', taxClass: 'reduced', types: [type('Aceite de oliva virgen extra', 6, 16), type('Arroz integral', 2, 5), type('Pasta de espelta', 2, 4.5), type('Garbanzos cocidos', 1.5, 3.5)], variants: ['ECO', '1 kg', '500 g', 'formato familiar'] },
      { name: 'Bebidas', code: 'BEV', taxClass: 'reduced', types: [type('Zumo de naranja', 2, 4.5), type('Bebida de avena', 1.5, 3.5), type('Kombucha', 2.5, 4.5), type('Café en grano', 7, 16)], variants: ['ECO', '1 l', 'sin azúcar añadido', 'comercio justo'] },
      { name: 'Frescos', code: 'FRE', taxClass: 'super_reduced', types: [type('Caja de fruta de temporada', 15, 35), type('Huevos camperos', 3, 5.5), type('Caja de verduras', 15, 35), type('Pan de masa madre', 3, 6)], variants: ['ECO', 'km 0', 'docena', '5 kg'] },
      { name: 'Cuidado personal', code: 'CPE', taxClass: 'general', types: [type('Jabón natural', 4, 9), type('Champú sólido', 7, 14), type('Desodorante natural', 6, 12), type('Cepillo de bambú', 2.5, 6)], variants: ['ECO', 'sin plástico', 'lavanda', 'piel sensible'] },
    ],
  },
];

/** Department names in their fixed order; personas and seasonality are indexed by it. */
export const DEPARTMENT_NAMES = DEPARTMENTS.map((department) => department.name);
