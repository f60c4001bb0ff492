import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { PersonaHeatmapHarness } from '../testing/persona-heatmap.harness';
import { aDoneAnalysis } from '../testing/persona-results';
import { PersonaHeatmap } from './persona-heatmap';

const isBlue = ([r, , b]: readonly number[]) => b > r;
const isRed = ([r, , b]: readonly number[]) => r > b;

async function render(result = aDoneAnalysis()): Promise<PersonaHeatmapHarness> {
  const fixture: ComponentFixture<PersonaHeatmap> = TestBed.createComponent(PersonaHeatmap);
  fixture.componentRef.setInput('result', result);
  await fixture.whenStable();
  return new PersonaHeatmapHarness(fixture, fixture.nativeElement);
}

describe('the persona heatmap', () => {
  it('has a row per attribute value and a column per cluster', async () => {
    const heatmap = await render();
    expect(await heatmap.rows()).toEqual(['Huerto ECO', 'Plantas', 'Hogar']);
    expect(await heatmap.columns()).toEqual(['Huerto + Plantas', 'Hogar', 'Plantas', 'Global']);
  });

  it('colours a cluster blue where it buys a value more than the audience and red where it buys less', async () => {
    const heatmap = await render();
    // Huerto + Plantas buys Huerto ECO four times as often as the audience, Hogar half as often.
    expect(isBlue((await heatmap.cell('Huerto ECO', 0)).rgb)).toBe(true);
    expect(isRed((await heatmap.cell('Huerto ECO', 1)).rgb)).toBe(true);
    expect(isBlue((await heatmap.cell('Plantas', 2)).rgb)).toBe(true);
    expect(isRed((await heatmap.cell('Plantas', 1)).rgb)).toBe(true);
  });

  it('deepens the colour with the distance from the mean, and leaves the mean white', async () => {
    const heatmap = await render();
    const fourTimes = await heatmap.cell('Huerto ECO', 0);
    const twice = await heatmap.cell('Plantas', 0);
    const never = await heatmap.cell('Hogar', 2);
    // Huerto + Plantas buys Hogar exactly as often as the audience.
    const atTheMean = await heatmap.cell('Hogar', 0);
    const whiteness = ([r, g, b]: readonly number[]) => Math.min(r, g, b);
    expect(whiteness(fourTimes.rgb)).toBeLessThan(whiteness(twice.rgb));
    expect(never.rgb).toEqual([200, 30, 30]);
    expect(atTheMean.rgb).toEqual([255, 255, 255]);
  });

  it('says in words what every cell shows, for screen readers, and explains the colours in a legend', async () => {
    const heatmap = await render();
    const cell = await heatmap.cell('Huerto ECO', 0);
    expect(cell.text).toBe('8.00');
    expect(cell.description).toBe("Huerto ECO in Huerto + Plantas: 8.00, ×4.0 the audience's mean, propensity high");
    expect((await heatmap.cell('Hogar', 2)).description).toBe("Hogar in Plantas: 0.00, ×0.0 the audience's mean, propensity zero");
    expect(await heatmap.legend()).toMatch(/Blue: the cluster buys the value more than the audience on average; red: less/);
  });

  it('shows shares of spend as percentages', async () => {
    const result = aDoneAnalysis();
    const heatmap = await render({ ...result, parameters: { ...result.parameters, unit: 'spend_share' }, populationMean: [0.5, 0.25, 0.25], clusters: result.clusters.map((cluster) => ({ ...cluster, centroid: [0.7, 0.2, 0.1] })) });
    expect((await heatmap.cell('Huerto ECO', 0)).text).toBe('70%');
  });
});
