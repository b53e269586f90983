import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ManualClock } from '@app/domain';
import { createPetition, demoCommuneId, mustPerformAction, performAction, petitionBody } from '../support/petition-fixtures.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';

/**
 * Legal escalation is the citizen's: a second-time complaint opens a NEW linked case at the direct superior
 * (the province), with its own clocks (K7, then K8), while the first keeps its history and status.
 */
describe('second-time complaint (legal escalation by the citizen)', () => {
  // Monday 23/11/2026, 09:00 in Hà Nội.
  const clock = new ManualClock('2026-11-23T02:00:00.000Z');
  let s: TestStack;
  let desk: string;
  let head: string;
  let handler: string;
  let handlerId: string;
  let communeId: string;
  let provinceId: string;

  beforeAll(async () => {
    s = await startTestStack('second', { clock });
    [desk, head, handler, handlerId, communeId] = await Promise.all([
      s.token('desk'),
      s.token('head'),
      s.token('handler'),
      s.userId('handler'),
      demoCommuneId(s),
    ]);
    provinceId = (await s.sql.query<{ province_id: string }>('SELECT province_id FROM units WHERE id = $1', [communeId])).rows[0]!.province_id;
  });
  afterAll(async () => {
    await s?.close();
  });

  const clocksOf = async (petitionId: string) =>
    (await s.sql.query<{ rule_id: string; status: string }>('SELECT rule_id, status FROM petition_clocks WHERE petition_id = $1 ORDER BY rule_id', [petitionId]))
      .rows;

  async function acceptedComplaint(title: string) {
    const p = await createPetition(s, desk, petitionBody(communeId, { kind: 'complaint', title }));
    await mustPerformAction(s, head, p.id, 'accept');
    await mustPerformAction(s, head, p.id, 'assign', { assigneeId: handlerId });
    await mustPerformAction(s, handler, p.id, 'start-verification');
    return p;
  }

  it('opens a linked instance-2 case at the province after a first-time decision', async () => {
    const p = await acceptedComplaint('Khiếu nại quyết định bồi thường');
    await mustPerformAction(s, head, p.id, 'resolve', { summary: 'Giữ nguyên quyết định', decisionNumber: '15/QĐ-UBND' });
    const first = await mustPerformAction(s, desk, p.id, 'request-second-instance', { reason: 'Không đồng ý mức bồi thường', channel: 'mail' });

    expect(first.status).toBe('decided');
    expect(first.events.at(-1)).toMatchObject({ type: 'SecondInstanceRequested', legalBasis: 'Luật Khiếu nại 2011 Điều 33' });
    const second = await s.sql.query(
      `SELECT id, instance, channel, status, receiving_unit_id, owning_unit_id, title FROM petitions WHERE parent_petition_id = $1`,
      [p.id],
    );
    expect(second.rows).toEqual([
      expect.objectContaining({
        instance: 2,
        channel: 'mail',
        status: 'received',
        receiving_unit_id: provinceId,
        owning_unit_id: provinceId,
        title: 'Khiếu nại quyết định bồi thường',
      }),
    ]);
    // Its own clocks: the second-time acceptance clock (K7), not the first-time K2; and the first case's
    // resolution clock was met by its decision.
    expect(await clocksOf(second.rows[0].id)).toEqual([expect.objectContaining({ rule_id: 'K7', status: 'running' })]);
    expect((await clocksOf(p.id)).find((c) => c.rule_id === 'K3')?.status).toBe('met');
  });

  it('refuses while the first-time case is open and on time, and allows it once the deadline has lapsed', async () => {
    const p = await acceptedComplaint('Khiếu nại chậm giải quyết');
    const early = await performAction(s, desk, p.id, 'request-second-instance', { reason: 'Quá lâu' });
    expect(early.status).toBe(422);
    expect(early.body.errors).toEqual([expect.objectContaining({ field: 'resolutionLapsed', code: 'petition.second_instance_not_yet' })]);

    // K3: 30 days from thụ lý on Mon 23/11/2026 → nominal Wed 23/12 → due at its end. Jump past it.
    clock.set('2026-12-24T02:00:00.000Z');
    const late = await mustPerformAction(s, desk, p.id, 'request-second-instance', { reason: 'Hết hạn mà chưa có quyết định' });
    expect(late.status).toBe('verifying');
    expect(late.events.at(-1)).toMatchObject({ type: 'SecondInstanceRequested', data: { resolutionLapsed: true } });
  });

  it('has no third instance, and nothing for feedback', async () => {
    const feedback = await createPetition(s, desk, petitionBody(communeId, { kind: 'feedback', title: 'Phản ánh' }));
    await mustPerformAction(s, head, feedback.id, 'accept');
    const res = await performAction(s, desk, feedback.id, 'request-second-instance', { reason: 'x' });
    expect(res.status).toBe(409);
    expect(res.body.allowedActions).not.toContain('request-second-instance');
  });
});
