import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { ImportJobProgress1764100000000 } from './1764100000000-import-job-progress';
import { CustomerMetrics1764200000000 } from './1764200000000-customer-metrics';
import { Access1764250000000 } from './1764250000000-access';
import { Segments1764300000000 } from './1764300000000-segments';
import { CustomerSearch1764350000000 } from './1764350000000-customer-search';
import { Outbox1764410000000 } from './1764410000000-outbox';
import { MessageTracking1764420000000 } from './1764420000000-message-tracking';
import { Tasks1764430000000 } from './1764430000000-tasks';
import { Automations1764450000000 } from './1764450000000-automations';
import { CustomerMerges1764460000000 } from './1764460000000-customer-merges';
import { CustomerErasure1764470000000 } from './1764470000000-customer-erasure';
import { MessageTimeline1764480000000 } from './1764480000000-message-timeline';
import { AccessRecovery1764490000000 } from './1764490000000-access-recovery';
import { PersonaAnalyses1764500000000 } from './1764500000000-persona-analyses';
import { ClvModelRfmHistory1764510000000 } from './1764510000000-clv-model-rfm-history';
import { AutomationDelivery1764520000000 } from './1764520000000-automation-delivery';

/** Every migration, oldest first. The list is explicit so the bundled API carries them. */
export const migrations = [
  InitialSchema1764000000000,
  ImportJobProgress1764100000000,
  CustomerMetrics1764200000000,
  Access1764250000000,
  Segments1764300000000,
  CustomerSearch1764350000000,
  Outbox1764410000000,
  MessageTracking1764420000000,
  Tasks1764430000000,
  Automations1764450000000,
  CustomerMerges1764460000000,
  CustomerErasure1764470000000,
  MessageTimeline1764480000000,
  AccessRecovery1764490000000,
  PersonaAnalyses1764500000000,
  ClvModelRfmHistory1764510000000,
  AutomationDelivery1764520000000,
];

/** Where TypeORM records applied migrations; every DataSource that migrates uses it. */
export const MIGRATIONS_TABLE = 'schema_migrations';
