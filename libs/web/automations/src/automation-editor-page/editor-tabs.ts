/** The tabs of a saved automation: its flow (the editor), its runs, its versions. */
export type EditorTab = 'flow' | 'runs' | 'versions';

export const EDITOR_TABS: readonly { id: EditorTab; label: string }[] = [
  { id: 'flow', label: $localize`:@@automations.tab.flow:Flow` },
  { id: 'runs', label: $localize`:@@automations.tab.runs:Runs` },
  { id: 'versions', label: $localize`:@@automations.tab.versions:Versions` },
];

/** The tab a key moves to from `current` (arrows wrap around, Home and End jump), or null for other keys. */
export function nextTab(current: EditorTab, key: string): EditorTab | null {
  const index = EDITOR_TABS.findIndex((tab) => tab.id === current);
  const last = EDITOR_TABS.length - 1;
  switch (key) {
    case 'ArrowRight':
      return EDITOR_TABS[index === last ? 0 : index + 1].id;
    case 'ArrowLeft':
      return EDITOR_TABS[index === 0 ? last : index - 1].id;
    case 'Home':
      return EDITOR_TABS[0].id;
    case 'End':
      return EDITOR_TABS[last].id;
    default:
      return null;
  }
}
