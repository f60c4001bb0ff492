/** Why a persona request cannot be answered; PersonaRefusalFilter turns it into the API's error body. */
export type PersonaRefusalCode =
  | 'INVALID_PERSONA_ANALYSIS'
  | 'PERSONA_ANALYSIS_NOT_FOUND'
  | 'PERSONA_CLUSTER_NOT_FOUND'
  | 'PERSONA_ENRICHMENT_NOT_FOUND'
  | 'INVALID_PERSONA_ENRICHMENT'
  | 'PERSONA_ENRICHMENT_REVERTED';

export const PERSONA_REFUSAL_STATUS: Record<PersonaRefusalCode, number> = {
  INVALID_PERSONA_ANALYSIS: 400,
  PERSONA_ANALYSIS_NOT_FOUND: 404,
  PERSONA_CLUSTER_NOT_FOUND: 404,
  PERSONA_ENRICHMENT_NOT_FOUND: 404,
  INVALID_PERSONA_ENRICHMENT: 400,
  PERSONA_ENRICHMENT_REVERTED: 409,
};

export class PersonaRefusal extends Error {
  constructor(
    readonly code: PersonaRefusalCode,
    message: string,
    readonly details?: { field: string; message: string }[],
  ) {
    super(message);
    this.name = 'PersonaRefusal';
  }
}

export function clusterNotFound(id: string, cluster: string): PersonaRefusal {
  return new PersonaRefusal('PERSONA_CLUSTER_NOT_FOUND', `Persona analysis ${id} has no cluster ${cluster} (it does not exist or is not done).`);
}
