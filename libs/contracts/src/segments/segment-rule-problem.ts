import * as z from 'zod';

/**
 * One thing wrong with a rule, at the path of the node that has it
 * (`conditions[1].conditions[0].test.value`), in words a marketer understands.
 */
export const SegmentRuleProblem = z.object({
  path: z.string(),
  code: z.enum(['invalid', 'unknown_reference', 'type_mismatch', 'membership_cycle', 'not_available']),
  message: z.string(),
});
export type SegmentRuleProblem = z.infer<typeof SegmentRuleProblem>;
