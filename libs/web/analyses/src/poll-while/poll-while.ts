import type { HttpResourceRef } from '@angular/common/http';
import { DestroyRef, InjectionToken, effect, inject } from '@angular/core';

/** How often a screen asks again about work running on the server (an analysis, a fit). */
export const POLL_INTERVAL_MS = new InjectionToken<number>('POLL_INTERVAL_MS', { factory: () => 1_500 });

/**
 * Reloads `resource` every `POLL_INTERVAL_MS` for as long as its latest answer says work is still
 * under way; stops when it is finished, on an error, and when the screen goes away. Call it in
 * an injection context (a constructor or a field initialiser).
 */
export function pollWhile<T>(resource: HttpResourceRef<T | undefined>, underWay: (value: T) => boolean): void {
  const interval = inject(POLL_INTERVAL_MS);
  let timer: ReturnType<typeof setTimeout> | undefined;
  effect(() => {
    clearTimeout(timer);
    if (resource.hasValue() && underWay(resource.value())) timer = setTimeout(() => resource.reload(), interval);
  });
  inject(DestroyRef).onDestroy(() => clearTimeout(timer));
}
