import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { DomSanitizer } from '@angular/platform-browser';
import type { AutomationDefinition, MessagePreview, TestSendResult } from '@marea/contracts';
import { ErrorState, LoadingState, apiErrorMessage } from '@marea/web/ui';
import { AutomationsApi } from '../automations-api/automations-api';

/**
 * The selected email or SMS as one customer would receive it, rendered by the server with the
 * engine's own templates, and a test send of it to a few addresses. Without unsaved changes the
 * server renders the saved version, and the preview follows every save (`version`); with unsaved
 * changes, *Preview* renders the draft as it stands at that moment (`POST /api/v1/automations/preview`),
 * not at every keystroke. A test send always sends the saved version.
 */
@Component({
  selector: 'marea-message-tools',
  imports: [ErrorState, LoadingState],
  templateUrl: './message-tools.html',
  styleUrl: '../automation-editor-page/panel.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MessageTools {
  private readonly api = inject(AutomationsApi);
  readonly automationId = input.required<string>();
  readonly stepId = input.required<string>();
  /** The saved version the preview was rendered from; a new one renders it again. */
  readonly version = input.required<number>();
  /** Whether the automation has changes not saved yet. */
  readonly unsaved = input(false);
  /** The editor's definition as it stands, rendered instead of the saved one when there are unsaved changes. */
  readonly draft = input<AutomationDefinition | null>(null);

  protected readonly customerId = signal('');
  /** The draft as it was when *Preview* was last pressed with unsaved changes; null: the saved version. */
  protected readonly shownDraft = signal<AutomationDefinition | null>(null);
  protected readonly preview = httpResource<MessagePreview>(() => {
    const customerId = this.customerId();
    if (!/^\d+$/.test(customerId)) return undefined;
    const draft = this.shownDraft();
    if (draft) return { url: this.api.draftPreviewUrl, method: 'POST', body: { definition: draft, stepId: this.stepId(), customerId } };
    this.version();
    return { url: this.api.previewUrl(this.automationId()), method: 'POST', body: { stepId: this.stepId(), customerId } };
  });

  constructor() {
    // A save makes the draft the saved version: from then on the saved one is rendered again.
    effect(() => {
      this.version();
      untracked(() => this.shownDraft.set(null));
    });
  }

  protected showPreview(customerId: string): void {
    this.shownDraft.set(this.unsaved() ? this.draft() : null);
    this.customerId.set(customerId);
  }

  /**
   * The email's HTML as the frame's whole document, unchanged: the frame is sandboxed with no
   * permissions (no scripts, no same origin), so the message is shown exactly as it will be sent.
   */
  protected readonly html = computed(() => (this.preview.hasValue() ? this.sanitizer.bypassSecurityTrustHtml(this.preview.value().html) : ''));
  private readonly sanitizer = inject(DomSanitizer);

  protected readonly sending = signal(false);
  protected readonly results = signal<TestSendResult[] | null>(null);
  protected readonly sendError = signal<string | null>(null);

  protected testSend(addresses: string): void {
    const list = addresses.split(/[,\s]+/).filter(Boolean);
    this.sending.set(true);
    this.sendError.set(null);
    this.results.set(null);
    this.api.testSend(this.automationId(), { stepId: this.stepId(), customerId: this.customerId(), addresses: list }).subscribe({
      next: (results) => {
        this.sending.set(false);
        this.results.set(results);
      },
      error: (error: unknown) => {
        this.sending.set(false);
        this.sendError.set(apiErrorMessage(error));
      },
    });
  }
}
