/**
 * Latent customer personas. Each one prefers some departments (in DEPARTMENTS order: Bebé y
 * niño, Hogar, Huerto ECO, Jardín y exterior, Plantas, Supermercado ECO), so a k-means over
 * the category purchase-frequency matrix finds them again. They also differ in how often they
 * buy, basket size, discount hunting and returns, so RFM and CLV separate them too.
 */
export interface Persona {
  readonly name: string;
  /** Share of customers. */
  readonly share: number;
  readonly departmentWeights: readonly number[];
  /** Multiplies the customer's purchase rate. */
  readonly frequency: number;
  /** Mean number of lines in a basket. */
  readonly basketLines: number;
  /** Probability that an order uses a discount, before seasonal boosts. */
  readonly discountAffinity: number;
  /** Probability that a sale is (partly) returned. */
  readonly returnRate: number;
  readonly ageRange: readonly [number, number];
  /** Probability of a female customer (the rest male, 1 % other). */
  readonly female: number;
  readonly hasGarden: number;
}

export const PERSONAS: readonly Persona[] = [
  { name: 'young-family', share: 0.18, departmentWeights: [0.5, 0.15, 0.04, 0.03, 0.05, 0.23], frequency: 1.2, basketLines: 2.8, discountAffinity: 0.25, returnRate: 0.05, ageRange: [26, 42], female: 0.68, hasGarden: 0.3 },
  { name: 'urban-gardener', share: 0.15, departmentWeights: [0.02, 0.06, 0.52, 0.1, 0.2, 0.1], frequency: 1.0, basketLines: 2.4, discountAffinity: 0.15, returnRate: 0.02, ageRange: [28, 60], female: 0.52, hasGarden: 0.6 },
  { name: 'garden-owner', share: 0.14, departmentWeights: [0.02, 0.1, 0.1, 0.5, 0.23, 0.05], frequency: 0.7, basketLines: 1.8, discountAffinity: 0.2, returnRate: 0.06, ageRange: [38, 75], female: 0.45, hasGarden: 0.95 },
  { name: 'plant-lover', share: 0.15, departmentWeights: [0.02, 0.18, 0.08, 0.04, 0.62, 0.06], frequency: 0.9, basketLines: 2.0, discountAffinity: 0.18, returnRate: 0.03, ageRange: [22, 45], female: 0.7, hasGarden: 0.2 },
  { name: 'eco-grocer', share: 0.18, departmentWeights: [0.03, 0.08, 0.06, 0.01, 0.02, 0.8], frequency: 2.2, basketLines: 3.4, discountAffinity: 0.12, returnRate: 0.01, ageRange: [30, 70], female: 0.6, hasGarden: 0.3 },
  { name: 'home-decorator', share: 0.12, departmentWeights: [0.04, 0.66, 0.02, 0.1, 0.14, 0.04], frequency: 0.6, basketLines: 1.6, discountAffinity: 0.22, returnRate: 0.08, ageRange: [30, 65], female: 0.62, hasGarden: 0.4 },
  { name: 'bargain-hunter', share: 0.08, departmentWeights: [0.16, 0.18, 0.16, 0.16, 0.16, 0.18], frequency: 0.8, basketLines: 2.2, discountAffinity: 0.7, returnRate: 0.1, ageRange: [20, 60], female: 0.5, hasGarden: 0.4 },
];
