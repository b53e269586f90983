import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { PetitionView } from '@app/application';
import { demoCommuneId, mustPerformAction, petitionBody, postPetition } from '../support/petition-fixtures.js';
import { availableQueueBackends, startTestStack, type TestStack } from '../support/test-stack.js';
import { waitFor } from '../support/wait-for.js';

/**
 * The full lifecycle of every kind over HTTP, through the real worker, on each queue backend this machine
 * has (Redis and BullMQ's Postgres backend): the same processors and use cases, unaware of which is in use.
 */
describe.each(availableQueueBackends())('petition lifecycle over HTTP (queue backend: %s)', (backend) => {
  let s: TestStack;
  let desk: string;
  let head: string;
  let handler: string;
  let handlerId: string;
  let communeId: string;

  beforeAll(async () => {
    s = await startTestStack(`life-${backend}`, { queueBackend: backend });
    [desk, head, handler, handlerId] = await Promise.all([s.token('desk'), s.token('head'), s.token('handler'), s.userId('handler')]);
    communeId = await demoCommuneId(s);
  });
  afterAll(async () => {
    await s?.close();
  });

  async function create(kind: string, title: string) {
    const res = await postPetition(s, desk, petitionBody(communeId, { kind, title })).expect(201);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    return res.body as PetitionView;
  }

  const act = (token: string, id: string, action: string, body: object = {}, version?: number) =>
    mustPerformAction(s, token, id, action, body, version);

  const resolvedStatus = { complaint: 'decided', denunciation: 'concluded', recommendation: 'answered', feedback: 'answered' } as const;

  it.each(Object.keys(resolvedStatus) as (keyof typeof resolvedStatus)[])('walks a %s from intake to closed', async (kind) => {
    const p = await create(kind, `Vụ việc ${kind}`);
    expect(p).toMatchObject({ status: 'received', version: 1 });
    await act(head, p.id, 'accept', { note: 'Đủ điều kiện thụ lý' }, 1);
    const assigned = await act(head, p.id, 'assign', { assigneeId: handlerId }, 2);
    expect(assigned).toMatchObject({ status: 'assigned', assigneeId: handlerId });
    await act(handler, p.id, 'start-verification', {}, 3);
    const resolved = await act(head, p.id, 'resolve', { summary: 'Kết quả giải quyết', decisionNumber: '12/QĐ-UBND' }, 4);
    expect(resolved.status).toBe(resolvedStatus[kind]);
    const closed = await act(head, p.id, 'close', {}, 5);
    expect(closed).toMatchObject({ status: 'closed', version: 6 });
    expect(closed.events.map((e) => e.type)).toEqual([
      'PetitionReceived',
      'PetitionAccepted',
      'PetitionAssigned',
      'VerificationStarted',
      'PetitionResolved',
      'PetitionClosed',
    ]);

    // The worker follows: the board projection reaches the final version, the assignee has one notification.
    await waitFor(
      async () => {
        const r = await s.sql.query(`SELECT status, last_sequence FROM board_petitions WHERE petition_id = $1`, [p.id]);
        return r.rows[0]?.last_sequence === 6 ? r.rows[0] : undefined;
      },
      { what: 'board projection at version 6' },
    );
    // Notifications travel on their own queue, so wait for them separately; then make sure no second one follows.
    const mine = async () =>
      ((await s.http().get('/api/notifications').set('Authorization', handler).expect(200)).body.items as { petitionId: string }[]).filter(
        (n) => n.petitionId === p.id,
      );
    await waitFor(async () => (await mine()).length >= 1, { what: 'assignment notification' });
    await waitFor(
      async () => (await s.sql.query(`SELECT 1 FROM outbox WHERE published_at IS NULL`)).rowCount === 0,
      { what: 'outbox drained' },
    );
    expect(await mine()).toHaveLength(1);

    // The public tracking page shows status and dates, never personal data.
    const track = await s.http().get(`/api/track/${p.trackingCode.toLowerCase()}`).expect(200);
    expect(track.body).toMatchObject({ trackingCode: p.trackingCode, status: 'closed' });
    expect(track.body.history.map((h: { status: string }) => h.status)).toEqual([
      'received',
      'accepted',
      'assigned',
      'verifying',
      resolvedStatus[kind],
      'closed',
    ]);
    expect(JSON.stringify(track.body)).not.toMatch(/Nguyễn Văn An|0912345678|Tổ 5/);
  });

  it('reopens answered feedback and hands it back to the same handler', async () => {
    const p = await create('feedback', 'Đèn đường hỏng');
    await act(head, p.id, 'accept');
    await act(head, p.id, 'assign', { assigneeId: handlerId });
    await act(head, p.id, 'resolve', { summary: 'Đã thay bóng đèn' });
    const reopened = await act(desk, p.id, 'reopen', { reason: 'Đèn vẫn chưa sáng' });
    expect(reopened.status).toBe('reopened');
    expect((await act(head, p.id, 'assign', { assigneeId: handlerId })).status).toBe('assigned');
  });

  it('refuses to reopen a complaint (its remedy is a second-time complaint)', async () => {
    const p = await create('complaint', 'Khiếu nại quyết định thu hồi đất');
    await act(head, p.id, 'accept');
    await act(head, p.id, 'assign', { assigneeId: handlerId });
    await act(handler, p.id, 'start-verification');
    await act(head, p.id, 'resolve', { summary: 'Giữ nguyên quyết định' });
    const res = await s.http().post(`/api/petitions/${p.id}/actions/reopen`).set('Authorization', desk).send({ reason: 'Không đồng ý' }).expect(409);
    expect(res.body).toMatchObject({ status: 409, currentStatus: 'decided', allowedActions: ['close', 'request-second-instance'] });
  });

  it.each([
    ['reject', 'complaint', { reason: 'Hết thời hiệu khiếu nại', legalBasis: 'Luật Khiếu nại 2011 Điều 11' }, 'rejected'],
    ['guide', 'complaint', { guidance: 'Gửi đơn đến UBND tỉnh' }, 'guided'],
    ['transfer', 'denunciation', { toBodyName: 'Công an tỉnh Quảng Ninh', reason: 'Không thuộc thẩm quyền' }, 'transferred'],
    ['file', 'feedback', { reason: 'duplicate' }, 'filed'],
  ] as const)('ends intake with %s for a %s', async (action, kind, body, status) => {
    const p = await create(kind, `Đơn ${action}`);
    const token = action === 'reject' ? head : desk;
    expect((await act(token, p.id, action, body)).status).toBe(status);
  });

  it('transfers to another commune in the system, opening a linked petition there', async () => {
    const other = (await s.sql.query<{ id: string }>(`SELECT id FROM units WHERE level = 'commune' AND id <> $1 ORDER BY code LIMIT 1`, [communeId])).rows[0]!.id;
    const p = await create('feedback', 'Rác thải ở địa bàn phường khác');
    await act(desk, p.id, 'transfer', { toUnitId: other, reason: 'Thuộc địa bàn phường khác' });
    const linked = await s.sql.query(`SELECT status, channel, receiving_unit_id, parent_petition_id FROM petitions WHERE parent_petition_id = $1`, [p.id]);
    expect(linked.rows).toEqual([{ status: 'received', channel: 'transferred_in', receiving_unit_id: other, parent_petition_id: p.id }]);
  });

  it('records a withdrawal at any open stage', async () => {
    const p = await create('denunciation', 'Tố cáo cán bộ địa chính');
    await act(head, p.id, 'accept');
    expect((await act(desk, p.id, 'withdraw', { reason: 'Người tố cáo rút đơn bằng văn bản' })).status).toBe('withdrawn');
  });
});
