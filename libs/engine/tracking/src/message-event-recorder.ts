/** What happened to a message after it left. */
export type MessageEventKind = 'delivered' | 'opened' | 'clicked' | 'bounced' | 'unsubscribed' | 'failed';

export interface MessageEvent {
  readonly messageId: string;
  readonly customerId: string;
  readonly kind: MessageEventKind;
  readonly at: Date;
  /** e.g. the clicked URL, the SMTP reply of a bounce. */
  readonly detail?: string;
}

/** Records what happened to a message after it left (engine calls these; tracking routes too). */
export interface MessageEventRecorder {
  record(event: MessageEvent): Promise<void>;
}
