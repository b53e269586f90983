import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { foldForSearch } from '@app/domain';
import { createPetition, demoCommuneId, petitionBody, postPetition } from '../support/petition-fixtures.js';
import { latestFeedbackToken, resolvedPetition } from '../support/satisfaction-fixtures.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';
import { waitFor } from '../support/wait-for.js';

/**
 * No personal data and no secret in any log line. The API and the worker log at info into a stream the test
 * reads; console and stdout/stderr are captured as well (TypeORM and Nest's default logger write there). The run
 * files petitions with a known name, phone, ID number and address, searches for them with `?q=`, uses a
 * feedback link, and makes SQL statements fail with personal data in their parameters and in the database's
 * own error message; then no captured line may hold any of it.
 */
describe('logs hold no personal data or tokens', () => {
  let s: TestStack;
  const lines: string[] = [];
  const restore: (() => void)[] = [];
  let desk: string;
  let head: string;
  let communeId: string;

  const PERSON = { fullName: 'Phí Thị Riêng', phone: '0911223344', idNumber: '038199001122', address: 'Số 77 phố Kín Đáo' };
  const SECOND = { fullName: 'Quách Văn Thầm', phone: '0933445566', idNumber: '040188002233', address: 'Số 12 ngõ Lặng' };
  const secrets: string[] = [];

  beforeAll(async () => {
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const spy = jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        lines.push(args.map((a) => (a instanceof Error ? `${a.stack} ${JSON.stringify(a)}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      });
      restore.push(() => spy.mockRestore());
    }
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      stream.write = ((chunk: string | Uint8Array) => {
        lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return true;
      }) as typeof stream.write;
      restore.push(() => {
        stream.write = original;
      });
    }
    s = await startTestStack('logs', { log: { level: 'info', stream: { write: (line) => void lines.push(line) } } });
    desk = await s.token('desk');
    head = await s.token('head');
    communeId = await demoCommuneId(s);
  });
  afterAll(async () => {
    await s?.close();
    for (const r of restore.reverse()) r();
  });

  it('keeps names, phones, ID numbers, addresses, search terms and feedback tokens out of every line', async () => {
    // Filed, searched for, resolved, and rated through the one-time link.
    const p = await resolvedPetition(s, 'feedback', { overrides: { title: 'Cống thoát nước tắc ở ngõ Lặng', petitioner: PERSON } });
    for (const q of [PERSON.fullName, PERSON.phone, PERSON.address]) {
      await s.http().get(`/api/petitions?q=${encodeURIComponent(q)}&page=1`).set('Authorization', desk).expect(200);
    }
    await s.http().get(`/api/petitions?status=resolved&search=${encodeURIComponent(PERSON.fullName)}`).set('Authorization', desk);
    const token = await latestFeedbackToken(s, p.id);
    await s.http().get(`/api/feedback/${token}`).set('Referer', `https://grassroots.example.vn/feedback/${token}`).expect(200);
    await s.http().get(`/api/feedback/${token}/extra?x=${token}`).expect(404);
    await s.http().post(`/api/feedback/${token}`).send({ satisfied: true, comment: `Cảm ơn, ${PERSON.fullName}` }).expect(200);

    // A body that is not JSON: the parser's message quotes the text around the fault.
    await s
      .http()
      .post('/api/petitions')
      .set('Authorization', desk)
      .set('Content-Type', 'application/json')
      .send(`{"kind":"feedback","petitioner":{"fullName":"${PERSON.fullName}","phone":"${PERSON.phone}"`)
      .expect(400);
    // A unique violation whose parameters are a petitioner's name, phone, ID number and address.
    await s.sql.query(`CREATE UNIQUE INDEX log_probe_phone ON petitions ((petitioner->>'phone'))`);
    await createPetition(s, desk, petitionBody(communeId, { petitioner: SECOND }));
    const dup = await postPetition(s, desk, petitionBody(communeId, { title: 'Đơn trùng số điện thoại', petitioner: SECOND }));
    expect(dup.status).toBe(500);
    await s.sql.query(`DROP INDEX log_probe_phone`);
    // A statement the database rejects with the value in its own error message (invalid input syntax).
    await s.sql.query(
      `CREATE FUNCTION log_probe() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM (NEW.petitioner->>'fullName')::int; RETURN NEW; END $$`,
    );
    await s.sql.query(`CREATE TRIGGER log_probe BEFORE INSERT ON petitions FOR EACH ROW EXECUTE FUNCTION log_probe()`);
    const bad = await postPetition(s, head, petitionBody(communeId, { title: 'Đơn thứ ba', petitioner: SECOND }));
    expect(bad.status).toBe(500);
    await s.sql.query(`DROP TRIGGER log_probe ON petitions; DROP FUNCTION log_probe()`);

    // The worker followed the resolution (citizen message, board projection): its lines are in the capture too.
    await waitFor(async () => (await s.sql.query(`SELECT 1 FROM outbox WHERE published_at IS NULL`)).rowCount === 0, { what: 'outbox drained' });

    secrets.push(token);
    for (const person of [PERSON, SECOND]) {
      for (const value of Object.values(person)) secrets.push(value, encodeURIComponent(value), foldForSearch(value));
    }
    const log = lines.join('\n');
    const leaks = secrets.filter((secret) => log.includes(secret));
    expect(leaks).toEqual([]);
    // The capture is real: request lines and both SQL failures (by SQLSTATE, without values) are in it.
    expect(log).toContain('"url":"/api/petitions');
    expect(log).toContain('/api/feedback/[redacted]');
    expect(log).toMatch(/23505/);
    expect(log).toMatch(/22P02/);
  });
});
