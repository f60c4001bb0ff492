import type {
  ClvState,
  PersonaAnalysisStatus,
  PersonaTransformation,
  PersonaUnit,
  PropensityLevelName,
  RfmSegmentName,
} from '@marea/contracts';

/** The words the analyses screens use for the contracts' codes, in one place for the translators. */

export const CLV_STATE_LABELS: Readonly<Record<ClvState, string>> = {
  active: $localize`:@@analyses.state.active:Active`,
  inactive: $localize`:@@analyses.state.inactive:Inactive`,
  hibernating: $localize`:@@analyses.state.hibernating:Hibernating`,
  lost: $localize`:@@analyses.state.lost:Lost`,
};

export const ANALYSIS_STATUS_LABELS: Readonly<Record<PersonaAnalysisStatus, string>> = {
  queued: $localize`:@@analyses.status.queued:Waiting to start`,
  running: $localize`:@@analyses.status.running:Running`,
  done: $localize`:@@analyses.status.done:Done`,
  failed: $localize`:@@analyses.status.failed:Failed`,
};

export const UNIT_LABELS: Readonly<Record<PersonaUnit, string>> = {
  tickets: $localize`:@@analyses.unit.tickets:Purchase frequency (tickets containing the value)`,
  spend_share: $localize`:@@analyses.unit.spendShare:Share of the customer's spend`,
};

export const TRANSFORMATION_LABELS: Readonly<Record<PersonaTransformation, string>> = {
  none: $localize`:@@analyses.transformation.none:None`,
  row_normalise: $localize`:@@analyses.transformation.rowNormalise:Per customer (the mix, not the volume)`,
  log1p: $localize`:@@analyses.transformation.log1p:Logarithm (log 1 + x)`,
  standardise: $localize`:@@analyses.transformation.standardise:Standardised (mean 0, deviation 1 per value)`,
};

export const PROPENSITY_LABELS: Readonly<Record<PropensityLevelName, string>> = {
  high: $localize`:@@analyses.propensity.high:high`,
  medium: $localize`:@@analyses.propensity.medium:medium`,
  low: $localize`:@@analyses.propensity.low:low`,
  zero: $localize`:@@analyses.propensity.zero:zero`,
};

export const RFM_SEGMENT_LABELS: Readonly<Record<RfmSegmentName, string>> = {
  champions: $localize`:@@analyses.rfm.champions:Champions`,
  loyal: $localize`:@@analyses.rfm.loyal:Loyal`,
  potential_loyalist: $localize`:@@analyses.rfm.potentialLoyalist:Potential loyalists`,
  new: $localize`:@@analyses.rfm.new:New`,
  promising: $localize`:@@analyses.rfm.promising:Promising`,
  needs_attention: $localize`:@@analyses.rfm.needsAttention:Need attention`,
  about_to_sleep: $localize`:@@analyses.rfm.aboutToSleep:About to sleep`,
  at_risk: $localize`:@@analyses.rfm.atRisk:At risk`,
  cant_lose: $localize`:@@analyses.rfm.cantLose:Can't lose them`,
  hibernating: $localize`:@@analyses.rfm.hibernating:Hibernating`,
  lost: $localize`:@@analyses.rfm.lost:Lost`,
};
