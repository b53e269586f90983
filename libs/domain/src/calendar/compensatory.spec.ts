import { describe, expect, it } from '@jest/globals';
import { statutoryHolidays } from './statutory-holidays.js';
import { WorkingCalendar } from './working-calendar.js';

/* Days in lieu (BLLĐ 2019 Art 111(3)) are derived from the statutory set, not typed in: no table entries here. */
const statuteOnly = new WorkingCalendar([...statutoryHolidays(2026), ...statutoryHolidays(2027)]);

describe('compensatory days derived from the statutory holidays', () => {
  it('gives Monday 03/05/2027 off for Labour Day on Saturday 01/05/2027', () => {
    expect(statuteOnly.info('2027-05-01').off?.kind).toBe('holiday');
    expect(statuteOnly.info('2027-05-03').off).toEqual({ kind: 'compensatory', name: 'Nghỉ bù Ngày Quốc tế Lao động' });
    expect(statuteOnly.isWorkingDay('2027-05-04')).toBe(true);
  });

  it('gives Monday 27/04/2026 off for the Hùng Kings on Sunday 26/04/2026, without a table entry', () => {
    expect(statuteOnly.info('2026-04-27').off).toEqual({ kind: 'compensatory', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' });
    expect(statuteOnly.isWorkingDay('2026-04-28')).toBe(true);
  });

  it('derives nothing for holidays on weekdays (30/04–01/05/2026 are Thu–Fri, 02/09/2026 a Wednesday)', () => {
    const derived = (from: string, to: string) =>
      statuteOnly.daysOffBetween(from, to).filter((d) => d.off?.kind === 'compensatory').map((d) => d.date);
    expect(derived('2026-04-29', '2026-05-10')).toEqual([]);
    expect(derived('2026-08-31', '2026-09-10')).toEqual([]);
  });

  it('moves a day in lieu past another holiday: two weekend holidays in a row take the next two working days', () => {
    // 30/04/2033 is a Saturday and 01/05/2033 a Sunday: Monday 02/05 and Tuesday 03/05 are off.
    const cal = new WorkingCalendar(statutoryHolidays(2033));
    expect(['2033-05-02', '2033-05-03', '2033-05-04'].map((d) => cal.info(d).off?.kind ?? 'working')).toEqual([
      'compensatory',
      'compensatory',
      'working',
    ]);
  });

  it('skips a swapped day off and lets a table entry on the derived day win', () => {
    const swapped = new WorkingCalendar([...statutoryHolidays(2027), { date: '2027-05-03', kind: 'swap_off', name: 'Nghỉ hoán đổi' }]);
    expect(swapped.info('2027-05-03').off?.kind).toBe('swap_off');
    expect(swapped.info('2027-05-04').off?.kind).toBe('compensatory');
    // An administrator can declare the derived day worked (the Government may decide otherwise).
    const worked = new WorkingCalendar([...statutoryHolidays(2027), { date: '2027-05-03', kind: 'swap_work', name: 'Làm việc' }]);
    expect(worked.isWorkingDay('2027-05-03')).toBe(true);
    expect(worked.isWorkingDay('2027-05-04')).toBe(true);
  });

  it('does not double a day in lieu an administrator already entered on the same date', () => {
    const cal = new WorkingCalendar([
      ...statutoryHolidays(2026),
      { date: '2026-04-27', kind: 'compensatory', name: 'Nghỉ bù Giỗ Tổ Hùng Vương', legalRef: 'x' },
    ]);
    expect(cal.isWorkingDay('2026-04-27')).toBe(false);
    expect(cal.isWorkingDay('2026-04-28')).toBe(true);
  });
});
