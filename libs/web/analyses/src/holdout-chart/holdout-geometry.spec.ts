import { holdoutGeometry, niceCeiling } from './holdout-geometry';

describe('the holdout chart geometry', () => {
  it('rounds the top of the scale up to 1, 2 or 5 times a power of ten', () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(7)).toBe(10);
    expect(niceCeiling(13)).toBe(20);
    expect(niceCeiling(180)).toBe(200);
    expect(niceCeiling(200)).toBe(200);
    expect(niceCeiling(420)).toBe(500);
  });

  it('draws actual purchases as bars and the prediction through the middle of each week, on one scale', () => {
    const geometry = holdoutGeometry(
      [
        { week: 1, predicted: 10, actual: 20 },
        { week: 2, predicted: 5, actual: 0 },
      ],
      200,
      100,
    );
    expect(geometry.bars).toEqual([
      { week: 1, x: 15, y: 0, width: 70, height: 100 },
      { week: 2, x: 115, y: 100, width: 70, height: 0 },
    ]);
    expect(geometry.predictedPoints).toBe('50,50 150,75');
    expect(geometry.ticks.map((tick) => tick.value)).toEqual([0, 10, 20]);
  });
});
