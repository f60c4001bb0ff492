import * as z from 'zod';
import { CustomFieldKey, Instant } from '../ingestion/primitives';
import { CustomerSummary } from '../customers/customer-search';
import { SegmentRule } from '../segments/segment-rule';

/**
 * Customer personas (docs/personas.md): k-means over a customer × attribute-value matrix built
 * in SQL, run as a background job, stored with its clusters and every customer's cluster.
 */

/** Purchase frequency (tickets containing the value) or share of the customer's spend. */
export const PersonaUnit = z.enum(['tickets', 'spend_share'], { message: 'needs a unit: tickets or spend_share' });
export type PersonaUnit = z.infer<typeof PersonaUnit>;

/** How the matrix is reshaped before clustering (docs/analyses.md, "Transformations"). */
export const PersonaTransformation = z.enum(['none', 'row_normalise', 'log1p', 'standardise'], {
  message: 'needs a transformation: none, row_normalise, log1p or standardise',
});
export type PersonaTransformation = z.infer<typeof PersonaTransformation>;

export const PERSONA_MIN_CLUSTERS = 3;
export const PERSONA_MAX_CLUSTERS = 9;

/**
 * `POST /api/v1/analyses/personas`. `attribute` is `category` (the product's categories, by
 * path) or the key of a product attribute (`department`, `brand`, any other). `audience` is any
 * segment rule; null means every customer with a purchase. The same parameters and seed give
 * the same clusters; without a seed the server draws one and stores it.
 */
export const PersonaAnalysisParameters = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    attribute: z.string().trim().min(1, 'needs a product attribute such as category, department or brand').max(100, 'must be at most 100 characters'),
    unit: PersonaUnit,
    transformation: PersonaTransformation,
    clusters: z
      .number({ message: `needs a whole number of clusters from ${PERSONA_MIN_CLUSTERS} to ${PERSONA_MAX_CLUSTERS}` })
      .int(`needs a whole number of clusters from ${PERSONA_MIN_CLUSTERS} to ${PERSONA_MAX_CLUSTERS}`)
      .min(PERSONA_MIN_CLUSTERS, `must be at least ${PERSONA_MIN_CLUSTERS}`)
      .max(PERSONA_MAX_CLUSTERS, `must be at most ${PERSONA_MAX_CLUSTERS}`),
    audience: SegmentRule.nullable(),
    restarts: z.number({ message: 'needs a whole number from 1 to 50' }).int('needs a whole number from 1 to 50').min(1, 'must be at least 1').max(50, 'must be at most 50').default(10),
    seed: z.number({ message: 'needs a whole number' }).int('needs a whole number').min(0, 'must not be negative').max(2 ** 31 - 1, 'must be below 2^31').optional(),
  })
  .strict();
export type PersonaAnalysisParameters = z.infer<typeof PersonaAnalysisParameters>;
export type PersonaAnalysisParametersInput = z.input<typeof PersonaAnalysisParameters>;

export const PersonaAnalysisStatus = z.enum(['queued', 'running', 'done', 'failed']);
export type PersonaAnalysisStatus = z.infer<typeof PersonaAnalysisStatus>;

/** Propensity of a cluster towards a value; thresholds on the lift in docs/analyses.md. */
export const PropensityLevelName = z.enum(['high', 'medium', 'low', 'zero']);
export type PropensityLevelName = z.infer<typeof PropensityLevelName>;

/** One line of the list of analyses (and the answer to `POST`). */
export const PersonaAnalysisSummary = z.object({
  id: z.string(),
  /** What segment rules name (`persona_cluster.analysisId`): stable, unique, from the name. */
  code: z.string(),
  name: z.string(),
  /** As stored: the seed is always present (drawn by the server when not given). */
  parameters: PersonaAnalysisParameters,
  status: PersonaAnalysisStatus,
  progress: z.number().min(0).max(1),
  error: z.string().nullable(),
  createdAt: Instant,
  finishedAt: Instant.nullable(),
  customers: z.number().int().nullable(),
  inertia: z.number().nullable(),
  silhouette: z.number().nullable(),
});
export type PersonaAnalysisSummary = z.infer<typeof PersonaAnalysisSummary>;

export const PersonaAnalysisListQuery = z.object({
  page: z.coerce.number({ message: 'must be a page number from 1' }).int().min(1, 'must be a page number from 1').default(1),
  pageSize: z.coerce.number({ message: 'must be a number from 1 to 100' }).int().min(1).max(100, 'must be at most 100').default(20),
});
export type PersonaAnalysisListQuery = z.infer<typeof PersonaAnalysisListQuery>;

/** Newest first. */
export const PersonaAnalysisPage = z.object({
  items: z.array(PersonaAnalysisSummary),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type PersonaAnalysisPage = z.infer<typeof PersonaAnalysisPage>;

export const PersonaCluster = z.object({
  cluster: z.number().int().describe('0-based index, stable for the analysis'),
  name: z.string().describe('the name segment rules test; the suggested name until renamed'),
  suggestedName: z.string(),
  size: z.number().int(),
  centroid: z.array(z.number()).describe('mean of each value (same order as `values`) on the untransformed matrix'),
  lifts: z.array(z.number()).describe('centroid / population mean per value: above 1 blue, below 1 red in the heatmap'),
  propensity: z.array(PropensityLevelName),
});
export type PersonaCluster = z.infer<typeof PersonaCluster>;

export const ClusterCountCandidateView = z.object({ k: z.number().int(), inertia: z.number(), silhouette: z.number() });

/** `GET /api/v1/analyses/personas/{id}`: clusters are empty until the analysis is done. */
export const PersonaAnalysisResult = PersonaAnalysisSummary.extend({
  values: z.array(z.string()).describe('the attribute values: the heatmap rows'),
  populationMean: z.array(z.number()),
  clusters: z.array(PersonaCluster),
  clusterCountSuggestion: z.array(ClusterCountCandidateView).nullable(),
  suggestedClusters: z.number().int().nullable(),
});
export type PersonaAnalysisResult = z.infer<typeof PersonaAnalysisResult>;

/** `PATCH /api/v1/analyses/personas/{id}/clusters/{cluster}`. */
export const PersonaClusterRename = z.object({ name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters') }).strict();
export type PersonaClusterRename = z.infer<typeof PersonaClusterRename>;

export const PersonaClusterCustomersQuery = z.object({
  page: z.coerce.number({ message: 'must be a page number from 1' }).int().min(1, 'must be a page number from 1').default(1),
  pageSize: z.coerce.number({ message: 'must be a number from 1 to 500' }).int().min(1).max(500, 'must be at most 500').default(50),
});
export type PersonaClusterCustomersQuery = z.infer<typeof PersonaClusterCustomersQuery>;

/** The customers of a cluster, in customer id order. */
export const PersonaClusterCustomerPage = z.object({
  items: z.array(CustomerSummary),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type PersonaClusterCustomerPage = z.infer<typeof PersonaClusterCustomerPage>;

/** `POST …/clusters/{cluster}/enrichments`: custom fields set on every customer of the cluster. */
export const PersonaEnrichmentRequest = z
  .object({
    attributes: z
      .record(CustomFieldKey, z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters'))
      .refine((attributes) => Object.keys(attributes).length > 0, { message: 'needs at least one key and value' })
      .refine((attributes) => Object.keys(attributes).length <= 20, { message: 'takes at most 20 keys' }),
  })
  .strict();
export type PersonaEnrichmentRequest = z.infer<typeof PersonaEnrichmentRequest>;

export const PersonaEnrichment = z.object({
  id: z.string(),
  analysisId: z.string(),
  cluster: z.number().int(),
  attributes: z.record(z.string(), z.string()),
  customers: z.number().int().describe('customers whose attributes were set'),
  appliedAt: Instant,
  appliedBy: z.string().nullable().describe('who applied it: a user\'s email or "key <name>"'),
  revertedAt: Instant.nullable(),
  keptOnRevert: z
    .number()
    .int()
    .nullable()
    .describe('values the revert left as they were because they had been changed since the enrichment; null until reverted'),
});
export type PersonaEnrichment = z.infer<typeof PersonaEnrichment>;

/** `GET …/{id}/enrichments`, newest first. */
export const PersonaEnrichmentList = z.object({ items: z.array(PersonaEnrichment) });
export type PersonaEnrichmentList = z.infer<typeof PersonaEnrichmentList>;
