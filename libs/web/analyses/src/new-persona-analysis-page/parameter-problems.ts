import { PersonaAnalysisParameters, type PersonaAnalysisParametersInput } from '@marea/contracts';

/** The fields of the form, each shown with its own problems (the audience has the rule builder's). */
export type ParameterField = 'name' | 'attribute' | 'unit' | 'transformation' | 'clusters' | 'restarts' | 'seed';

/**
 * What the server would refuse in these parameters, by field, with the contract's words. The
 * audience is left to the rule builder, which validates it with the segment rules' own code.
 */
export function parameterProblems(parameters: PersonaAnalysisParametersInput): Partial<Record<ParameterField, string>> {
  const parsed = PersonaAnalysisParameters.safeParse({ ...parameters, audience: null });
  if (parsed.success) return {};
  const problems: Partial<Record<ParameterField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as ParameterField | undefined;
    if (field) problems[field] ??= issue.message;
  }
  return problems;
}

/** A whole number typed in a field, or NaN (refused by the contract) when it is not one; blank is absent. */
export function typedNumber(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}
