import { DomHarness } from './dom-harness';

export interface HeatmapCellReading {
  /** What the cell shows. */
  readonly text: string;
  /** What it says to a screen reader. */
  readonly description: string;
  /** Its background as [red, green, blue]. */
  readonly rgb: readonly [number, number, number];
}

/** The persona heatmap as a user reads it: columns (clusters), rows (values), cells and their colour. */
export class PersonaHeatmapHarness extends DomHarness {
  async columns(): Promise<string[]> {
    return [...this.host.querySelectorAll('thead th[data-cluster] .cluster-name')].map((th) => this.text(th));
  }

  async rows(): Promise<string[]> {
    return [...this.host.querySelectorAll('tbody th .value-name')].map((name) => this.text(name));
  }

  /** The cell of `value` (a row header) in column `column` (0-based). */
  async cell(value: string, column: number): Promise<HeatmapCellReading> {
    const row = [...this.host.querySelectorAll('tbody tr')].find((tr) => this.text(tr.querySelector('th .value-name')) === value);
    const cell = row?.querySelectorAll<HTMLElement>('td')[column];
    if (!cell) throw new Error(`no cell for ${value} in column ${column}`);
    const match = /rgb\((\d+), (\d+), (\d+)\)/.exec(cell.style.backgroundColor);
    if (!match) throw new Error(`the cell has no colour: "${cell.style.backgroundColor}"`);
    return {
      text: this.text(cell.querySelector('[aria-hidden="true"]')),
      description: this.text(cell.querySelector('.visually-hidden')),
      rgb: [Number(match[1]), Number(match[2]), Number(match[3])],
    };
  }

  async legend(): Promise<string> {
    return this.text(this.one('figcaption'));
  }
}
