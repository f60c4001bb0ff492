import { pickAffinities } from './affinity-rule';

const spends = [
  { value: 'Hogar > Cocina', spend: 60 },
  { value: 'Jardín y exterior > Plantas', spend: 30 },
  { value: 'Bebé y niño', spend: 10 },
];

describe('primary and secondary affinity', () => {
  it('shows nothing below three tickets, however clear the history', () => {
    expect(pickAffinities(spends, 100, 2)).toEqual({ primary: null, secondary: null });
  });

  it('picks the two values with the largest share of net spend from three tickets on', () => {
    expect(pickAffinities(spends, 100, 3)).toEqual({
      primary: { attribute: 'category', value: 'Hogar > Cocina', share: 0.6 },
      secondary: { attribute: 'category', value: 'Jardín y exterior > Plantas', share: 0.3 },
    });
  });

  it('breaks a tie by the value name', () => {
    const tied = [{ value: 'Plantas', spend: 50 }, { value: 'Hogar', spend: 50 }];
    expect(pickAffinities(tied, 100, 4)).toMatchObject({ primary: { value: 'Hogar' }, secondary: { value: 'Plantas' } });
  });

  it('ignores values whose purchases were all returned', () => {
    const returned = [{ value: 'Hogar', spend: 0 }, { value: 'Plantas', spend: 40 }];
    expect(pickAffinities(returned, 40, 5)).toEqual({ primary: { attribute: 'category', value: 'Plantas', share: 1 }, secondary: null });
  });

  it('shows nothing when the customer returned as much as they bought', () => {
    expect(pickAffinities(spends, 0, 5)).toEqual({ primary: null, secondary: null });
  });
});
