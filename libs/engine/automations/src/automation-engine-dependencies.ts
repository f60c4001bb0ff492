import type { EmailChannel, MessageRenderer, SmsChannel } from '@marea/engine/messaging';
import type { MessageEventRecorder, MessageTracking, SuppressionList } from '@marea/engine/tracking';
import type { CustomerAttributeUpdates, ManagerTasks, UserNotifications } from '@marea/engine/customer-actions';
import type { SegmentRules } from '@marea/engine/segments';
import type { FrequencyCap } from '@marea/domain/automations';
import type { AutomationStore } from './automation-store';
import type { JobQueue } from './job-queue';

/** Everything the engine acts through: its store and queue, and the ports of the other pieces. */
export interface AutomationEngineDependencies {
  readonly store: AutomationStore;
  readonly jobs: JobQueue;
  readonly rules: SegmentRules;
  readonly renderer: MessageRenderer;
  readonly tracking: MessageTracking;
  readonly events: MessageEventRecorder;
  readonly suppressions: SuppressionList;
  readonly email: EmailChannel;
  readonly sms: SmsChannel;
  readonly tasks: ManagerTasks;
  readonly attributes: CustomerAttributeUpdates;
  readonly notifications: UserNotifications;
  readonly settings: AutomationSettings;
  readonly clock?: () => Date;
}

export interface AutomationSettings {
  /** The From of every email (MAIL_FROM). */
  readonly mailFrom: string;
  /** Global caps per channel on marketing messages; null: none. */
  readonly caps: { readonly email: FrequencyCap | null; readonly sms: FrequencyCap | null };
}
