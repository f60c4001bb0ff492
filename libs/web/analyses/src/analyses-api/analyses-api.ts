import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Automation,
  AutomationDraft,
  ClvModelFit,
  ClvStateLimits,
  PersonaAnalysisParametersInput,
  PersonaAnalysisSummary,
  PersonaCluster,
  PersonaEnrichment,
} from '@marea/contracts';
import type { Observable } from 'rxjs';

const ANALYSES = '/api/v1/analyses';
const PERSONAS = `${ANALYSES}/personas`;

/** The addresses of the analyses API (read with `httpResource`), and the calls that change something. */
@Injectable({ providedIn: 'root' })
export class AnalysesApi {
  private readonly http = inject(HttpClient);

  readonly clvStatesUrl = (limits: ClvStateLimits) =>
    `${ANALYSES}/clv-states?${new URLSearchParams({
      activeDays: String(limits.activeDays),
      inactiveDays: String(limits.inactiveDays),
      hibernatingDays: String(limits.hibernatingDays),
    })}`;
  readonly personaListUrl = (page: number, pageSize: number) => `${PERSONAS}?page=${page}&pageSize=${pageSize}`;
  readonly personaUrl = (id: string) => `${PERSONAS}/${encodeURIComponent(id)}`;
  readonly enrichmentsUrl = (id: string) => `${this.personaUrl(id)}/enrichments`;
  readonly clusterCustomersUrl = (id: string, cluster: number, pageSize = 5) =>
    `${this.personaUrl(id)}/clusters/${cluster}/customers?page=1&pageSize=${pageSize}`;
  readonly clvModelUrl = `${ANALYSES}/clv-model`;
  readonly clvModelFitUrl = (id: string) => `${this.clvModelUrl}/fits/${encodeURIComponent(id)}`;
  readonly rfmTransitionsUrl = (from: string, to: string) => `${ANALYSES}/rfm-transitions?${new URLSearchParams({ from, to })}`;
  readonly valuesUrl = '/api/v1/segment-values';

  /** Starts a persona analysis in the background (202); answers its summary, queued. */
  startPersonaAnalysis(parameters: PersonaAnalysisParametersInput): Observable<PersonaAnalysisSummary> {
    return this.http.post<PersonaAnalysisSummary>(PERSONAS, parameters);
  }

  renameCluster(id: string, cluster: number, name: string): Observable<PersonaCluster> {
    return this.http.patch<PersonaCluster>(`${this.personaUrl(id)}/clusters/${cluster}`, { name });
  }

  enrichCluster(id: string, cluster: number, attributes: Record<string, string>): Observable<PersonaEnrichment> {
    return this.http.post<PersonaEnrichment>(`${this.personaUrl(id)}/clusters/${cluster}/enrichments`, { attributes });
  }

  revertEnrichment(enrichmentId: string): Observable<PersonaEnrichment> {
    return this.http.post<PersonaEnrichment>(`${PERSONAS}/enrichments/${encodeURIComponent(enrichmentId)}/revert`, {});
  }

  /** Starts a refit of BG/NBD and Gamma-Gamma in the background (202); answers the running fit. */
  refitClvModel(): Observable<ClvModelFit> {
    return this.http.post<ClvModelFit>(`${this.clvModelUrl}/fits`, {});
  }

  createAutomation(draft: AutomationDraft): Observable<Automation> {
    return this.http.post<Automation>('/api/v1/automations', draft);
  }
}
