import type { CalendarEntry, CalendarFact, CalendarFactRecord, LocalDate, Verification } from '@app/domain';
import type { EntityManager } from 'typeorm';

/**
 * The administrator's calendar tables: entries (days off, swapped days, announced Tết and National Day days)
 * and facts (which yearly announcement is recorded, by which notice). Both are small; read fresh every time so
 * that an edit applies at once in every process.
 */
type EntryRow = { date: string; kind: CalendarEntry['kind']; name: string; legal_ref: string | null };
const toEntry = (r: EntryRow): CalendarEntry => ({ date: r.date, kind: r.kind, name: r.name, legalRef: r.legal_ref });
type FactRow = { year: number; fact: CalendarFact; reference: string; verification: Verification; note: string | null };
const toFact = (r: FactRow): CalendarFactRecord => ({ year: r.year, fact: r.fact, reference: r.reference, verification: r.verification, note: r.note });
const ENTRY_COLUMNS = `to_char(date, 'YYYY-MM-DD') AS date, kind, name, legal_ref`;

export const calendarStore = {
  async entriesBetween(em: EntityManager, from: LocalDate, to: LocalDate): Promise<CalendarEntry[]> {
    const rows: EntryRow[] = await em.query(`SELECT ${ENTRY_COLUMNS} FROM calendar_entries WHERE date BETWEEN $1 AND $2 ORDER BY date`, [from, to]);
    return rows.map(toEntry);
  },

  async entryOn(em: EntityManager, date: LocalDate): Promise<CalendarEntry | null> {
    const rows: EntryRow[] = await em.query(`SELECT ${ENTRY_COLUMNS} FROM calendar_entries WHERE date = $1`, [date]);
    return rows[0] ? toEntry(rows[0]) : null;
  },

  async factsOf(em: EntityManager, fromYear: number, toYear: number): Promise<CalendarFactRecord[]> {
    const rows: FactRow[] = await em.query(
      `SELECT year, fact, reference, verification, note FROM calendar_facts WHERE year BETWEEN $1 AND $2 ORDER BY year, fact`,
      [fromYear, toYear],
    );
    return rows.map(toFact);
  },

  async factOf(em: EntityManager, year: number, fact: CalendarFact): Promise<CalendarFactRecord | null> {
    const rows: FactRow[] = await em.query(`SELECT year, fact, reference, verification, note FROM calendar_facts WHERE year = $1 AND fact = $2`, [year, fact]);
    return rows[0] ? toFact(rows[0]) : null;
  },

  async upsertFact(em: EntityManager, f: CalendarFactRecord, by: string, at: Date): Promise<void> {
    await em.query(
      `INSERT INTO calendar_facts (year, fact, reference, verification, note, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (year, fact) DO UPDATE SET reference = EXCLUDED.reference, verification = EXCLUDED.verification, note = EXCLUDED.note,
              created_by = EXCLUDED.created_by, created_at = EXCLUDED.created_at`,
      [f.year, f.fact, f.reference, f.verification, f.note ?? null, by, at],
    );
  },

  async deleteFact(em: EntityManager, year: number, fact: CalendarFact): Promise<void> {
    await em.query(`DELETE FROM calendar_facts WHERE year = $1 AND fact = $2`, [year, fact]);
  },
};
