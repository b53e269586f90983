import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ManualClock } from '@app/domain';
import { createPetition, demoCommuneId, mustPerformAction, petitionBody, userUnitId } from '../support/petition-fixtures.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';

/** Remote areas (vùng sâu, vùng xa) get longer periods (LKN Art 28); a clock takes the flag in force when it starts. */
describe('remote-area communes', () => {
  const clock = new ManualClock('2026-11-23T02:00:00.000Z'); // Mon 09:00 in Hà Nội
  let s: TestStack;
  let admin: string;
  let desk: string;
  let head: string;
  let communeId: string;

  beforeAll(async () => {
    s = await startTestStack('remote', { clock, workerOnStart: false });
    [admin, desk, head, communeId] = await Promise.all([s.token('admin'), s.token('desk'), s.token('head'), demoCommuneId(s)]);
  });
  afterAll(async () => {
    await s?.close();
  });

  const k3Of = async (title: string) => {
    const p = await createPetition(s, desk, petitionBody(communeId, { kind: 'complaint', title }));
    await mustPerformAction(s, head, p.id, 'accept');
    return (await s.sql.query(`SELECT variant, days, due_at FROM petition_clocks WHERE petition_id = $1 AND rule_id = 'K3'`, [p.id])).rows[0];
  };

  it('gives a complaint in a remote commune 45 days instead of 30, and leaves running clocks as they started', async () => {
    const before = await k3Of('Khiếu nại trước khi đánh dấu');
    expect(before).toMatchObject({ variant: 'standard', days: 30 });

    const res = await s.http().patch(`/api/units/${communeId}/remote-area`).set('Authorization', admin).send({ remoteArea: true, remoteAreaRef: 'QĐ 861/QĐ-TTg' }).expect(200);
    expect(res.body).toMatchObject({ id: communeId, remoteArea: true, remoteAreaRef: 'QĐ 861/QĐ-TTg' });

    // 45 days from 23/11/2026: nominal Thu 07/01/2027, a working day → due at its end (17:00 UTC).
    expect(await k3Of('Khiếu nại sau khi đánh dấu')).toEqual({ variant: 'remote', days: 45, due_at: new Date('2027-01-07T17:00:00.000Z') });
    const still = await s.sql.query(`SELECT days FROM petition_clocks WHERE rule_id = 'K3' AND variant = 'standard'`);
    expect(still.rows).toEqual([{ days: 30 }]);
  });

  it('is for administrators, and for communes only', async () => {
    await s.http().patch(`/api/units/${communeId}/remote-area`).set('Authorization', desk).send({ remoteArea: false }).expect(403);
    const department = await userUnitId(s, 'handler2');
    const res = await s.http().patch(`/api/units/${department}/remote-area`).set('Authorization', admin).send({ remoteArea: true }).expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'unitId', code: 'unit.remote_area_commune_only' })]);
    await s.http().patch(`/api/units/${communeId}/remote-area`).set('Authorization', admin).send({ remoteArea: 'yes' }).expect(400);
  });
});
