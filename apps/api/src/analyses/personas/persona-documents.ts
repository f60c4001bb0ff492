import { createZodDto } from 'nestjs-zod';
import {
  ApiErrorBody,
  PersonaAnalysisPage,
  PersonaAnalysisParameters,
  PersonaAnalysisResult,
  PersonaAnalysisSummary,
  PersonaCluster,
  PersonaClusterCustomerPage,
  PersonaClusterRename,
  PersonaEnrichment,
  PersonaEnrichmentList,
  PersonaEnrichmentRequest,
} from '@marea/contracts';

/** OpenAPI documents of the persona routes, from their contracts. */
export class PersonaAnalysisParametersDto extends createZodDto(PersonaAnalysisParameters) {}
export class PersonaAnalysisSummaryDto extends createZodDto(PersonaAnalysisSummary) {}
export class PersonaAnalysisPageDto extends createZodDto(PersonaAnalysisPage) {}
export class PersonaAnalysisResultDto extends createZodDto(PersonaAnalysisResult) {}
export class PersonaClusterDto extends createZodDto(PersonaCluster) {}
export class PersonaClusterRenameDto extends createZodDto(PersonaClusterRename) {}
export class PersonaClusterCustomerPageDto extends createZodDto(PersonaClusterCustomerPage) {}
export class PersonaEnrichmentRequestDto extends createZodDto(PersonaEnrichmentRequest) {}
export class PersonaEnrichmentDto extends createZodDto(PersonaEnrichment) {}
export class PersonaEnrichmentListDto extends createZodDto(PersonaEnrichmentList) {}
export class PersonaErrorDto extends createZodDto(ApiErrorBody) {}
