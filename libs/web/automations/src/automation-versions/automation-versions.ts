import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import type { AutomationDefinition, AutomationVersion } from '@marea/contracts';
import { ErrorState, LoadingState } from '@marea/web/ui';
import { AutomationsApi } from '../automations-api/automations-api';
import { FlowCanvas } from '../flow-canvas/flow-canvas';
import { triggerWords } from '../flow/flow-words';

/**
 * Every version of an automation, newest first (`GET …/versions`; versions are immutable, a run
 * keeps the one it entered with). A past version is shown read-only on the canvas, and can be
 * copied into the editor to be saved again as a new version.
 */
@Component({
  selector: 'marea-automation-versions',
  imports: [DatePipe, FlowCanvas, ErrorState, LoadingState],
  template: `
    @if (versions.error(); as error) {
      <marea-error-state [error]="error" title="The versions could not be loaded" i18n-title="@@automations.versions.error" (retry)="versions.reload()" />
    } @else if (versions.hasValue()) {
      <ol class="versions" data-versions>
        @for (version of items(); track version.version) {
          <li [attr.data-version]="version.version">
            <button type="button" class="version" [attr.aria-pressed]="shown()?.version === version.version" (click)="viewed.set(version.version)">
              <strong>v{{ version.version }}</strong>
              @if (version.version === current()) {
                <span class="badge badge--on" i18n="@@automations.versions.current">Current</span>
              }
              <span>{{ version.createdAt | date: 'medium' }}</span>
              <span class="muted">{{ triggerWords(version.definition.trigger) }} · <ng-container i18n="@@automations.versions.steps">{{ stepCount(version) }} step(s)</ng-container></span>
            </button>
          </li>
        }
      </ol>
      @if (shown(); as version) {
        <section class="viewed" aria-labelledby="version-heading" data-version-view>
          <div class="viewed__head">
            <h3 id="version-heading" i18n="@@automations.versions.viewing">Version {{ version.version }}, read-only</h3>
            @if (version.version !== current()) {
              <button type="button" class="button" (click)="restore.emit(version.definition)" i18n="@@automations.versions.restore">Copy into the editor</button>
            }
          </div>
          <p class="muted" i18n="@@automations.versions.readOnlyHelp">Saved versions never change: runs keep the version they entered with. Copying one into the editor and saving makes it a new version.</p>
          <div inert>
            <marea-flow-canvas [definition]="version.definition" />
          </div>
        </section>
      }
    } @else {
      <marea-loading-state label="Loading the versions…" i18n-label="@@automations.versions.loading" />
    }
  `,
  styles: `
    :host { display: grid; gap: var(--space-3); }
    .versions { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--space-1); }
    .version { width: 100%; display: flex; flex-wrap: wrap; gap: var(--space-2); align-items: baseline; text-align: left; font: inherit; padding: var(--space-2) var(--space-3); border: 1px solid var(--border); border-radius: var(--radius-sm); background: var(--surface); cursor: pointer; }
    .version[aria-pressed='true'] { border-color: var(--accent); box-shadow: inset 3px 0 0 var(--accent); }
    .version:focus-visible { outline: 2px solid var(--focus, var(--accent)); outline-offset: 2px; }
    .muted { color: var(--text-muted); font-size: var(--text-sm); margin: 0; }
    .badge { font-size: var(--text-sm); padding: 0 var(--space-2); border-radius: 999px; }
    .badge--on { color: var(--success); background: var(--success-surface); }
    .viewed { display: grid; gap: var(--space-2); border-top: 1px solid var(--border); padding-top: var(--space-3); }
    .viewed__head { display: flex; flex-wrap: wrap; gap: var(--space-3); align-items: center; justify-content: space-between; }
    .viewed h3 { margin: 0; font-size: 1rem; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AutomationVersions {
  private readonly api = inject(AutomationsApi);
  readonly automationId = input.required<string>();
  /** The version new runs enter with. */
  readonly current = input.required<number>();
  /** A past definition to load into the editor (as unsaved changes). */
  readonly restore = output<AutomationDefinition>();

  protected readonly versions = httpResource<{ items: AutomationVersion[] }>(() => this.api.versionsUrl(this.automationId()));
  protected readonly items = computed(() => (this.versions.hasValue() ? this.versions.value().items : []));
  protected readonly viewed = signal<number | null>(null);
  protected readonly shown = computed(() => this.items().find((version) => version.version === this.viewed()) ?? null);
  protected readonly triggerWords = triggerWords;

  protected stepCount(version: AutomationVersion): number {
    return Object.keys(version.definition.steps).length;
  }
}
