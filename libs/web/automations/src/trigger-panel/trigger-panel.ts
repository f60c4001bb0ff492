import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { AutomationTrigger, AutomationTriggerKind, ChannelSettings, SegmentCatalogue } from '@marea/contracts';
import { RuleBuilder } from '@marea/web/rule-builder';
import { asDraft } from '../flow/draft-rules';
import { TRIGGER_KINDS, freshTrigger } from './fresh-trigger';

type Trigger<K extends AutomationTriggerKind> = Extract<AutomationTrigger, { kind: K }>;

/**
 * The side panel of the trigger node: what starts a run and its settings (a segment, an event,
 * a schedule or a campaign's moment with its audience in the rule builder), and the channel
 * settings every message of the automation obeys (quiet hours, transactional).
 */
@Component({
  selector: 'marea-trigger-panel',
  imports: [RuleBuilder],
  templateUrl: './trigger-panel.html',
  styleUrl: '../automation-editor-page/panel.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TriggerPanel {
  readonly trigger = input.required<AutomationTrigger>();
  readonly channel = input.required<ChannelSettings>();
  readonly catalogue = input<SegmentCatalogue | null>(null);
  readonly problems = input<readonly string[]>([]);
  readonly triggerChange = output<AutomationTrigger>();
  readonly channelChange = output<ChannelSettings>();

  protected readonly kinds = TRIGGER_KINDS;
  protected readonly segmentTrigger = computed(() => {
    const trigger = this.trigger();
    return trigger.kind === 'segment-entered' || trigger.kind === 'segment-exited' ? trigger : null;
  });
  protected readonly event = computed(() => this.ofKind('custom-event'));
  protected readonly cart = computed(() => this.ofKind('cart-abandoned'));
  protected readonly changed = computed(() => this.ofKind('customer-changed'));
  protected readonly schedule = computed(() => this.ofKind('schedule'));
  protected readonly date = computed(() => this.ofKind('customer-date'));
  protected readonly once = computed(() => this.ofKind('once'));
  protected readonly audience = computed(() => {
    const trigger = this.trigger();
    return 'audience' in trigger ? asDraft(trigger.audience) : null;
  });
  /** The campaign's moment as a `datetime-local` value, in the browser's time zone. */
  protected readonly localAt = computed(() => {
    const once = this.once();
    if (!once || Number.isNaN(Date.parse(once.at))) return '';
    const at = new Date(once.at);
    return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  });

  protected changeKind(kind: AutomationTriggerKind): void {
    this.triggerChange.emit(freshTrigger(kind, this.trigger()));
  }

  protected patch(patch: Record<string, unknown>): void {
    this.triggerChange.emit({ ...this.trigger(), ...patch } as AutomationTrigger);
  }

  /** A `datetime-local` value read in the browser's time zone, sent as an instant. */
  protected setLocalAt(value: string): void {
    const at = new Date(value);
    this.patch({ at: Number.isNaN(at.getTime()) ? value : at.toISOString() });
  }

  protected setFields(text: string): void {
    this.patch({ fields: text.split(',').map((field) => field.trim()).filter(Boolean) });
  }

  protected setQuietHours(on: boolean): void {
    this.channelChange.emit({ ...this.channel(), quietHours: on ? { start: '21:00', end: '08:00' } : null });
  }

  protected patchQuietHours(patch: Partial<{ start: string; end: string }>): void {
    const quietHours = this.channel().quietHours;
    if (quietHours) this.channelChange.emit({ ...this.channel(), quietHours: { ...quietHours, ...patch } });
  }

  protected patchChannel(patch: Partial<ChannelSettings>): void {
    this.channelChange.emit({ ...this.channel(), ...patch });
  }

  protected number(value: string): number {
    return value.trim() === '' ? Number.NaN : Number(value);
  }

  private ofKind<K extends AutomationTriggerKind>(kind: K): Trigger<K> | null {
    const trigger = this.trigger();
    return trigger.kind === kind ? (trigger as Trigger<K>) : null;
  }
}
