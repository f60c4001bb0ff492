/**
 * The visual rule builder: reusable widgets for segment rules, automation conditions and campaign
 * audiences. The rule is validated in the browser with `@marea/domain/segments`, the server's own code.
 */
export * from './rule-builder/rule-builder';
export * from './rule-preview/rule-preview';
export * from './rule-draft/rule-draft';
export { draftProblems } from './rule-draft/rule-problems';
