import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addMembers, addUser, createCluster, getCluster, hotSpots, related, signatories, suggest } from '../support/grouping-fixtures.js';
import { createPetition, demoCommuneId, petitionBody, postPetition } from '../support/petition-fixtures.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';

/**
 * Group petitions (K16 representatives), clusters of petitions about one matter with cluster suggestions on
 * Vietnamese text with and without diacritics, hot spots on the board, repeat detection at intake and
 * over-level (vượt cấp) petitions returned to the commune with the province watching.
 */
describe('group petitions, clusters, repeats and over-level petitions', () => {
  let s: TestStack;
  let desk: string;
  let head: string;
  let board: string;
  let admin: string;
  let provinceDesk: string;
  let communeId: string;
  let provinceId: string;

  beforeAll(async () => {
    s = await startTestStack('grouping', { testClock: true });
    communeId = await demoCommuneId(s);
    provinceId = (await s.sql.query<{ province_id: string }>('SELECT province_id FROM units WHERE id = $1', [communeId])).rows[0]!.province_id;
    await addUser(s, 'grouping_pdesk', 'desk', provinceId);
    [desk, head, board, admin, provinceDesk] = await Promise.all([
      s.token('desk'),
      s.token('head'),
      s.token('board'),
      s.token('admin'),
      s.token('grouping_pdesk'),
    ]);
  });
  afterAll(async () => {
    await s?.close();
  });

  const count = async (table: string) => Number((await s.sql.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
  const expectProblem = (res: { status: number; headers: Record<string, string>; body: { code?: string } }, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe(code);
  };

  describe('representatives of a group petition (K16)', () => {
    it('refuses 3 representatives for 6 signatories at intake, and creates nothing', async () => {
      const [first, ...others] = signatories(6, 'Hộ dân');
      const before = await count('petitions');
      const res = await postPetition(
        s,
        desk,
        petitionBody(communeId, { title: 'Đường liên thôn xuống cấp', petitioner: first!, coPetitioners: others, representatives: [first!, others[0]!, others[1]!] } as never),
      );
      expectProblem(res, 409, 'grouping.representatives_count');
      expect(res.body.messages.vi).toContain('từ 1 đến 2 người đại diện');
      expect(res.body.messages.vi).toContain('124/2020');
      expect(res.body).toMatchObject({ petitioners: 6, min: 1, max: 2, given: 3 });
      expect(await count('petitions')).toBe(before);
    });

    it('records 2 representatives for 6 signatories at intake, matched without diacritics, with an audit event', async () => {
      const [first, ...others] = signatories(6, 'Trần Văn Hộ');
      const p = await createPetition(
        s,
        desk,
        petitionBody(communeId, {
          title: 'Đường liên thôn xuống cấp nghiêm trọng',
          petitioner: first!,
          coPetitioners: others,
          representatives: [{ fullName: 'tran van ho 1', phone: '0912000001' }, { fullName: others[2]!.fullName }],
        } as never),
      );
      expect(p.events.map((e) => e.type)).toEqual(['PetitionReceived', 'RepresentativesAppointed']);
      expect(p.events[1]!.data).toEqual({ petitionerIndexes: [0, 3], petitionerCount: 6 });
      const g = (await related(s, desk, p.id).expect(200)).body;
      expect(g).toMatchObject({ petitionerCount: 6, groupPetition: true, representativesMissing: false });
      expect(g.representatives).toEqual([
        { fullName: 'Trần Văn Hộ 1', idNumber: first!.idNumber, phone: '0912000001', petitionerIndex: 0 },
        { fullName: 'Trần Văn Hộ 4', idNumber: others[2]!.idNumber, phone: null, petitionerIndex: 3 },
      ]);
      // The board oversees without seeing who petitioned.
      expect((await related(s, board, p.id).expect(200)).body.representatives).toBeNull();
    });

    it('PUT accepts 5 representatives for 12 signatories and refuses 6, a non-signatory, and a small petition', async () => {
      const [first, ...others] = signatories(12, 'Cư dân');
      const group = await createPetition(s, desk, petitionBody(communeId, { title: 'Ô nhiễm từ bãi rác', petitioner: first!, coPetitioners: others }));
      expect((await related(s, desk, group.id).expect(200)).body.representativesMissing).toBe(true);
      const put = (id: string, representatives: object[], token = head) =>
        s.http().put(`/api/petitions/${id}/representatives`).set('Authorization', token).send({ representatives });

      expectProblem(await put(group.id, [first!, ...others.slice(0, 5)]), 409, 'grouping.representatives_count');
      const bad = await put(group.id, [first!, { fullName: 'Người Ngoài Cuộc' }]);
      expectProblem(bad, 422, 'error.validation');
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'representatives.1', code: 'grouping.representative_not_petitioner' })]);
      expectProblem(await put(group.id, [first!], board), 403, 'grouping.role_not_allowed');
      expect((await s.sql.query('SELECT 1 FROM petition_grouping WHERE petition_id = $1', [group.id])).rowCount).toBe(0);

      const ok = await put(group.id, [first!, ...others.slice(0, 4)]).expect(200);
      expect(ok.body).toMatchObject({ petitionerCount: 12, groupPetition: true, version: 2 });
      expect(ok.body.representatives).toHaveLength(5);
      expect((await related(s, desk, group.id).expect(200)).body.representativesMissing).toBe(false);

      const small = await createPetition(s, desk, petitionBody(communeId, { title: 'Cây đổ chắn lối đi', coPetitioners: [{ fullName: 'Lê Văn Hai' }] }));
      const refused = await put(small.id, [{ fullName: 'Lê Văn Hai' }]);
      expectProblem(refused, 409, 'grouping.representatives_not_group');
      expect(refused.body.messages.vi).toContain('chưa phải đơn đông người');
    });
  });

  describe('cluster suggestions (diacritics-insensitive)', () => {
    let land: string;
    let dust: string;
    let lamp: string;

    beforeAll(async () => {
      land = (
        await createPetition(
          s,
          desk,
          petitionBody(communeId, {
            kind: 'recommendation',
            title: 'Thu hồi đất ở thôn Đông Hạ',
            content: 'Đề nghị xem xét việc thu hồi đất nông nghiệp ở thôn Đông Hạ chưa bồi thường thỏa đáng.',
            location: 'Thôn Đông Hạ',
            petitioner: { fullName: 'Phạm Văn Đông', phone: '0987000001' },
          }),
        )
      ).id;
      dust = (
        await createPetition(
          s,
          desk,
          petitionBody(communeId, {
            title: 'O nhiem khoi bui tu nha may xi mang',
            content: 'Nha may xi mang xa khoi bui gay o nhiem khu dan cu to 9.',
            petitioner: { fullName: 'Vu Thi Hoa', phone: '0987000002' },
          }),
        )
      ).id;
      lamp = (await createPetition(s, desk, petitionBody(communeId, { title: 'Đèn đường hỏng ở tổ 7', petitioner: { fullName: 'Đỗ Văn Cường', phone: '0987000003' } }))).id;
    });

    it('finds a petition written with diacritics from a draft without them, and not an unrelated one', async () => {
      const res = await suggest(s, desk, {
        title: 'thu hoi dat o thon dong ha',
        content: 'gia dinh toi bi thu hoi dat nong nghiep o thon Dong Ha',
        place: 'thon dong ha',
        receivingUnitId: communeId,
      }).expect(200);
      const ids = res.body.petitions.map((c: { petitionId: string }) => c.petitionId);
      expect(ids).toContain(land);
      expect(ids).not.toContain(lamp);
      expect(ids).not.toContain(dust);
      expect(res.body.petitions.find((c: { petitionId: string }) => c.petitionId === land)).toMatchObject({
        reason: 'same_place_topic',
        reasonLabel: { vi: 'Cùng địa điểm và nội dung', en: 'Same place and topic' },
        sharedTerms: expect.arrayContaining(['thu hoi', 'dong ha']),
      });
    });

    it('finds a petition written without diacritics from a draft with them', async () => {
      const res = await suggest(s, desk, {
        title: 'Ô nhiễm khói bụi từ nhà máy xi măng',
        content: 'Khói bụi từ nhà máy xi măng làm ô nhiễm khu dân cư.',
        receivingUnitId: communeId,
      }).expect(200);
      const ids = res.body.petitions.map((c: { petitionId: string }) => c.petitionId);
      expect(ids).toEqual([dust]);
      expect(res.body.petitions[0].score).toBeGreaterThanOrEqual(0.3);
    });

    it('suggests by the same respondent decision however it is written, and for a saved petition', async () => {
      const a = await createPetition(s, desk, {
        ...petitionBody(communeId, { kind: 'complaint', title: 'Khiếu nại mức bồi thường', petitioner: { fullName: 'Ngô Văn Ba', phone: '0987000004' } }),
        respondentDecisionRef: 'Quyết định số 125/QĐ-UBND ngày 02/3/2026',
      } as never);
      const b = await createPetition(s, desk, {
        ...petitionBody(communeId, { kind: 'complaint', title: 'Không đồng ý giá đền bù', petitioner: { fullName: 'Lý Thị Bốn', phone: '0987000005' } }),
        respondentDecisionRef: '125/qd-ubnd',
      } as never);
      const res = await s.http().get(`/api/petitions/${b.id}/cluster-candidates`).set('Authorization', desk).expect(200);
      expect(res.body.petitions).toEqual([expect.objectContaining({ petitionId: a.id, reason: 'same_decision', score: 1 })]);
    });

    it('refuses a draft for a unit outside the caller\'s jurisdiction with 422', async () => {
      const res = await suggest(s, desk, { title: 'x', content: 'y', receivingUnitId: provinceId });
      expectProblem(res, 422, 'petition.unit_invalid');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'receivingUnitId' })]);
    });
  });

  describe('clusters: one matter handled once, every petitioner kept', () => {
    it('creates a cluster, adds a member, lists every petitioner, and records the events on each petition', async () => {
      const water = (title: string, petitioner: object, co: object[] = []) =>
        createPetition(s, desk, petitionBody(communeId, { title, location: 'Tổ 12', petitioner: petitioner as never, coPetitioners: co as never }));
      const a = await water('Nước sinh hoạt bị đục ở tổ 12', { fullName: 'Hoàng Văn Một', phone: '0977000001' }, [{ fullName: 'Hoàng Thị Hai' }]);
      const b = await water('nuoc sinh hoat bi duc o to 12', { fullName: 'Đinh Văn Ba', phone: '0977000002' });
      const c = await water('Nước máy đục, có mùi ở tổ 12', { fullName: 'Mai Thị Bốn', phone: '0977000003' }, [{ fullName: 'Mai Văn Năm' }, { fullName: 'Mai Văn Sáu' }]);

      const created = await createCluster(s, desk, { title: 'Nước sinh hoạt bị đục tổ 12', petitionIds: [a.id, b.id], place: 'Tổ 12' }).expect(201);
      expect(created.headers.location).toBe(`/api/clusters/${created.body.id}`);
      expect(created.body).toMatchObject({ memberCount: 2, petitionerCount: 3, scopeUnitId: communeId, status: 'open' });
      const clusterId: string = created.body.id;

      // The third petition is suggested for the cluster, then added.
      const cand = await s.http().get(`/api/petitions/${c.id}/cluster-candidates`).set('Authorization', desk).expect(200);
      expect(cand.body.clusters).toEqual([expect.objectContaining({ clusterId, memberCount: 2 })]);
      const added = await addMembers(s, head, clusterId, [c.id]).expect(200);
      expect(added.body).toMatchObject({ memberCount: 3, petitionerCount: 6, petitionersAnswered: 0 });
      const names = added.body.members.flatMap((m: { petitioner: { fullName: string }; coPetitioners: { fullName: string }[] }) => [
        m.petitioner.fullName,
        ...m.coPetitioners.map((p) => p.fullName),
      ]);
      expect(names.sort()).toEqual(['Hoàng Thị Hai', 'Hoàng Văn Một', 'Mai Thị Bốn', 'Mai Văn Năm', 'Mai Văn Sáu', 'Đinh Văn Ba'].sort());

      // The board reads the cluster, never who petitioned, and cannot change it.
      const seen = await getCluster(s, board, clusterId).expect(200);
      expect(seen.body.members.every((m: { petitioner: unknown; identityWithheld: boolean }) => m.petitioner === null && m.identityWithheld)).toBe(true);
      expect(seen.body.petitionerCount).toBe(6);
      expectProblem(await addMembers(s, board, clusterId, [a.id]), 403, 'grouping.role_not_allowed');

      // A petition is in at most one cluster.
      const twice = await createCluster(s, desk, { title: 'Khác', petitionIds: [a.id] });
      expectProblem(twice, 409, 'grouping.already_clustered');
      expect(twice.body.messages.vi).toContain('mỗi đơn chỉ thuộc một nhóm');

      const listed = await s.http().get('/api/clusters').set('Authorization', desk).expect(200);
      expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(clusterId);

      const trail = (await s.http().get(`/api/petitions/${b.id}`).set('Authorization', desk).expect(200)).body.events;
      expect(trail.at(-1)).toMatchObject({ type: 'PetitionClustered', data: { clusterId, clusterTitle: 'Nước sinh hoạt bị đục tổ 12' } });

      const removed = await s.http().delete(`/api/clusters/${clusterId}/members/${b.id}?reason=Nhầm`).set('Authorization', desk).expect(200);
      expect(removed.body).toMatchObject({ memberCount: 2, petitionerCount: 5 });
      const after = (await s.http().get(`/api/petitions/${b.id}`).set('Authorization', desk).expect(200)).body;
      expect(after.events.at(-1)).toMatchObject({ type: 'PetitionUnclustered', data: { clusterId, reason: 'Nhầm' } });
      expect(after.status).toBe('received');
      const again = await s.http().delete(`/api/clusters/${clusterId}/members/${b.id}`).set('Authorization', desk);
      expectProblem(again, 404, 'grouping.not_member');
    });

    it('keeps clusters within a jurisdiction: the admin may not write, and outside it a cluster or petition is a 404', async () => {
      const here = await createPetition(s, desk, petitionBody(communeId, { title: 'Cống thoát nước tắc ở tổ 3' }));
      const there = await createPetition(s, provinceDesk, petitionBody(provinceId, { title: 'Cống thoát nước tắc', petitioner: { fullName: 'Tỉnh Văn Một' } }));
      // The admin sees both jurisdictions, but a cluster stays within one.
      const mixed = await createCluster(s, admin, { title: 'Hỗn hợp', petitionIds: [here.id, there.id] });
      expect(mixed.status).toBe(403);
      const created = await createCluster(s, desk, { title: 'Cống tắc tổ 3', petitionIds: [here.id] }).expect(201);
      expectProblem(await getCluster(s, provinceDesk, created.body.id), 404, 'error.not_found');
      // The province desk cannot see the commune's petition: the same 404 as an unknown id.
      expectProblem(await addMembers(s, provinceDesk, created.body.id, [there.id]), 404, 'error.not_found');
    });
  });

  describe('repeats: the same person on the same matter', () => {
    it('links and flags a second petition of the same person on the same matter, and nothing else', async () => {
      const person = { fullName: 'Lương Văn Tám', idNumber: '022090008888', address: 'Tổ 8, khu 2' };
      const first = await createPetition(
        s,
        desk,
        petitionBody(communeId, { title: 'Chậm cấp giấy chứng nhận quyền sử dụng đất', content: 'Nộp hồ sơ cấp giấy chứng nhận quyền sử dụng đất đã 6 tháng chưa có kết quả.', petitioner: person }),
      );
      const again = await createPetition(
        s,
        desk,
        petitionBody(communeId, {
          title: 'cham cap giay chung nhan quyen su dung dat',
          content: 'Toi nop ho so cap giay chung nhan quyen su dung dat lau roi van chua co.',
          petitioner: { fullName: 'Luong Van Tam', idNumber: '022090008888', phone: '0966000008' },
        }),
      );
      const otherMatter = await createPetition(s, desk, petitionBody(communeId, { title: 'Chó thả rông cắn người ở tổ 8', petitioner: person }));
      const otherPerson = await createPetition(
        s,
        desk,
        petitionBody(communeId, { title: 'Chậm cấp giấy chứng nhận quyền sử dụng đất', petitioner: { fullName: 'Lương Văn Tám', idNumber: '022090009999' } }),
      );

      const flags = (await related(s, desk, again.id).expect(200)).body.flags;
      expect(flags.repeatOf).toEqual([
        expect.objectContaining({
          petitionId: first.id,
          visible: true,
          title: 'Chậm cấp giấy chứng nhận quyền sử dụng đất',
          finding: expect.objectContaining({ person: 'id_number', matter: 'similar_topic' }),
          explanation: expect.objectContaining({ vi: expect.stringContaining('Cùng số CCCD/CMND') }),
        }),
      ]);
      expect((await related(s, desk, first.id).expect(200)).body.flags.repeatedBy.map((r: { petitionId: string }) => r.petitionId)).toEqual([again.id]);
      expect((await related(s, desk, otherMatter.id).expect(200)).body.flags.repeatOf).toEqual([]);
      expect((await related(s, desk, otherPerson.id).expect(200)).body.flags.repeatOf).toEqual([]);
      // Intake was not blocked: the repeat is an ordinary received petition.
      expect(again.status).toBe('received');
    });

    it('recognises the same person by phone, and by folded name and address', async () => {
      const byPhone1 = await createPetition(s, desk, petitionBody(communeId, { title: 'Karaoke gây ồn ào ban đêm ở khu 4', petitioner: { fullName: 'Trịnh Văn Chín', phone: '0955 000 009' } }));
      const byPhone2 = await createPetition(s, desk, petitionBody(communeId, { title: 'karaoke gay on ao ban dem khu 4', petitioner: { fullName: 'T. V. Chín', phone: '+84955000009' } }));
      const byName1 = await createPetition(s, desk, petitionBody(communeId, { title: 'Lấn chiếm vỉa hè đường Trần Phú', petitioner: { fullName: 'Đặng Thị Mười', address: 'Số 10 đường Trần Phú' } }));
      const byName2 = await createPetition(s, desk, petitionBody(communeId, { title: 'lan chiem via he duong tran phu', petitioner: { fullName: 'dang thi muoi', address: 'so 10 duong tran phu' } }));
      expect((await related(s, desk, byPhone2.id).expect(200)).body.flags.repeatOf).toEqual([
        expect.objectContaining({ petitionId: byPhone1.id, finding: expect.objectContaining({ person: 'phone' }) }),
      ]);
      expect((await related(s, desk, byName2.id).expect(200)).body.flags.repeatOf).toEqual([
        expect.objectContaining({ petitionId: byName1.id, finding: expect.objectContaining({ person: 'name_address' }) }),
      ]);
    });
  });

  describe('repeats: confidentiality, jurisdiction and lookup', () => {
    it('never links a denunciation with the same person\'s other petitions, and shows denunciation links only to who may see the denouncer', async () => {
      const handler = await s.token('handler');
      const person = { fullName: 'Kiều Văn Mật', idNumber: '022090007777', phone: '0922000777' };
      const complaint = await createPetition(s, desk, petitionBody(communeId, { kind: 'complaint', title: 'Cán bộ địa chính làm sai hồ sơ đất thửa 45', petitioner: person }));
      const den1 = await createPetition(s, desk, petitionBody(communeId, { kind: 'denunciation', title: 'Tố cáo cán bộ địa chính làm sai hồ sơ đất thửa 45', petitioner: person }));
      const den2 = await createPetition(s, desk, petitionBody(communeId, { kind: 'denunciation', title: 'to cao can bo dia chinh lam sai ho so dat thua 45', petitioner: person }));
      const later = await createPetition(s, desk, petitionBody(communeId, { kind: 'complaint', title: 'cán bộ địa chính làm sai hồ sơ đất thửa 45', petitioner: person }));
      const links = await s.sql.query<{ a: string; b: string }>(
        `SELECT petition_id AS a, related_petition_id AS b FROM petition_links WHERE petition_id = ANY($1) OR related_petition_id = ANY($1)`,
        [[complaint.id, den1.id, den2.id, later.id]],
      );
      // Denunciations link only to denunciations; the complaints only to each other.
      expect(links.rows.map((r) => [r.a, r.b]).sort()).toEqual([[den2.id, den1.id], [later.id, complaint.id]].sort());
      expect((await related(s, desk, den2.id).expect(200)).body.flags.repeatOf).toEqual([expect.objectContaining({ petitionId: den1.id, visible: true })]);
      // A handler may not see who denounced: no link touching a denunciation, in either direction.
      expect((await related(s, handler, den2.id).expect(200)).body.flags).toMatchObject({ repeatOf: [], repeatedBy: [] });
      expect((await related(s, handler, den1.id).expect(200)).body.flags).toMatchObject({ repeatOf: [], repeatedBy: [] });
      // A link to a denunciation however it got there (earlier data) is not shown to the handler of the complaint either.
      await s.sql.query(
        `INSERT INTO petition_links (petition_id, related_petition_id, kind, reason, created_at) VALUES ($1, $2, 'repeat', $3, now())`,
        [complaint.id, den1.id, JSON.stringify({ person: 'id_number', matter: 'similar_topic', score: 0.9, sharedTerms: [] })],
      );
      const seenByHandler = (await related(s, handler, complaint.id).expect(200)).body.flags;
      expect(seenByHandler.repeatOf).toEqual([]);
      expect(seenByHandler.repeatedBy.map((r: { petitionId: string }) => r.petitionId)).toEqual([later.id]);
      expect((await related(s, board, complaint.id).expect(200)).body.flags.repeatOf).toEqual([]);
      expect((await related(s, desk, complaint.id).expect(200)).body.flags.repeatOf.map((r: { petitionId: string }) => r.petitionId)).toEqual([den1.id]);
    });

    it('shows a repeat outside the jurisdiction only as "there is one, and why": no id, tracking code or status', async () => {
      const person = { fullName: 'Quách Văn Xa', idNumber: '022090006666' };
      const atProvince = await createPetition(s, provinceDesk, petitionBody(provinceId, { title: 'Trạm biến áp gây tiếng ồn ở khu 9', petitioner: person }));
      const atCommune = await createPetition(s, desk, petitionBody(communeId, { title: 'tram bien ap gay tieng on o khu 9', petitioner: person }));
      const hidden = [{ visible: false, finding: expect.objectContaining({ person: 'id_number' }) }];
      expect((await related(s, desk, atCommune.id).expect(200)).body.flags.repeatOf).toEqual(hidden);
      expect((await related(s, provinceDesk, atProvince.id).expect(200)).body.flags.repeatedBy).toEqual(hidden);
      const text = JSON.stringify((await related(s, desk, atCommune.id).expect(200)).body);
      expect(text).not.toContain(atProvince.id);
      expect(text).not.toContain(atProvince.trackingCode);
      // The administrator sees both sides in full.
      expect((await related(s, admin, atCommune.id).expect(200)).body.flags.repeatOf).toEqual([
        expect.objectContaining({ visible: true, petitionId: atProvince.id, trackingCode: atProvince.trackingCode, status: 'received' }),
      ]);
    });

    it('finds the ID-number match although hundreds of newer petitions share the name', async () => {
      const first = await createPetition(
        s,
        desk,
        petitionBody(communeId, { title: 'Mương xóm 3 bị lấp gây úng ruộng', petitioner: { fullName: 'Nguyễn Văn Phổ Biến', idNumber: '022090005555' } }),
      );
      // 250 newer petitions of other people with the same name (no ID number, no phone).
      await s.sql.query(
        `INSERT INTO petitions
         SELECT (jsonb_populate_record(p, jsonb_build_object(
                   'id', gen_random_uuid(), 'tracking_code', p.tracking_code || '-' || g,
                   'created_at', p.created_at + g * interval '1 second', 'title', 'Việc khác số ' || g,
                   'petitioner', jsonb_build_object('fullName', 'Nguyễn Văn Phổ Biến')))).*
           FROM petitions p, generate_series(1, 250) g WHERE p.id = $1`,
        [first.id],
      );
      await s.http().post('/api/test-clock').set('Authorization', admin).send({ advance: 'PT1H' }).expect(200);
      const again = await createPetition(
        s,
        desk,
        petitionBody(communeId, { title: 'muong xom 3 bi lap gay ung ruong', petitioner: { fullName: 'Nguyen Van Pho Bien', idNumber: '022090005555' } }),
      );
      expect((await related(s, desk, again.id).expect(200)).body.flags.repeatOf).toEqual([
        expect.objectContaining({ petitionId: first.id, finding: expect.objectContaining({ person: 'id_number' }) }),
      ]);
      // A name alone, without the address, finds no one.
      const nameOnly = await createPetition(s, desk, petitionBody(communeId, { title: 'Mương xóm 3 bị lấp gây úng ruộng', petitioner: { fullName: 'Nguyễn Văn Phổ Biến' } }));
      expect((await related(s, desk, nameOnly.id).expect(200)).body.flags.repeatOf).toEqual([]);
    });
  });

  describe('over-level (vượt cấp) petitions', () => {
    const skipped = { fullName: 'Bùi Văn Mười Một', phone: '0944000011', address: 'Tổ 5, khu 3, phường Hạ Long, Quảng Ninh' };

    it('flags a petition the province received for a commune matter, and returns it to the commune with the province watching', async () => {
      const p = await createPetition(s, provinceDesk, petitionBody(provinceId, { title: 'Đường ngõ 15 ngập sau mưa', petitioner: skipped }));
      const over = (await related(s, provinceDesk, p.id).expect(200)).body.flags.overLevel;
      expect(over).toMatchObject({ commune: { id: communeId, name: 'Phường Hạ Long' }, returnedAt: null });
      expect(over.checks.map((c: { check: string; passed: boolean }) => [c.check, c.passed])).toEqual([
        ['received_at_province_level', true],
        ['commune_competent_kind', true],
        ['first_instance_not_transferred', true],
        ['no_decision_referenced', true],
        ['petitioner_commune_known', true],
      ]);
      expect(over.checks[4].label.vi).toBe('Địa chỉ người gửi thuộc Phường Hạ Long');

      const res = await s.http().post(`/api/petitions/${p.id}/actions/return-to-commune`).set('Authorization', provinceDesk).send({ communeId, note: 'Đề nghị phường xử lý.' }).expect(200);
      expect(res.body).toMatchObject({ status: 'transferred', watcherUnitId: provinceId });
      expect(res.body.events.at(-1)).toMatchObject({ type: 'PetitionTransferred', data: { toUnitId: communeId } });
      expect(res.body.events.at(-1).data.reason).toContain('Đơn vượt cấp: chuyển về Phường Hạ Long');
      const child: string = res.body.returnedPetitionId;

      // The commune holds the linked petition; the province watches it.
      const opened = (await s.http().get(`/api/petitions/${child}`).set('Authorization', desk).expect(200)).body;
      expect(opened).toMatchObject({ status: 'received', channel: 'transferred_in', owningUnitId: communeId, parentPetitionId: p.id });
      const watchers = await s.sql.query('SELECT unit_id, reason FROM petition_watchers WHERE petition_id = $1', [child]);
      expect(watchers.rows).toEqual([{ unit_id: provinceId, reason: 'over_level_return' }]);
      expect((await related(s, provinceDesk, p.id).expect(200)).body.flags.overLevel).toMatchObject({ returnedPetitionId: child });
      // The linked petition is not itself over-level: it is at the competent commune.
      expect((await related(s, desk, child).expect(200)).body.flags.overLevel).toBeNull();
    });

    it('appoints the representatives on the commune\'s petition with its own audit event', async () => {
      const [first, ...others] = signatories(6, 'Vượt Cấp');
      const p = await createPetition(
        s,
        provinceDesk,
        petitionBody(provinceId, {
          title: 'Đường ngõ 21 ngập sau mưa',
          petitioner: { ...first!, address: skipped.address },
          coPetitioners: others,
          representatives: [first!, others[1]!],
        } as never),
      );
      const res = await s.http().post(`/api/petitions/${p.id}/actions/return-to-commune`).set('Authorization', provinceDesk).send({ communeId }).expect(200);
      const child = (await s.http().get(`/api/petitions/${res.body.returnedPetitionId}`).set('Authorization', desk).expect(200)).body;
      expect(child.events.map((e: { type: string }) => e.type)).toEqual(['PetitionReceived', 'RepresentativesAppointed']);
      expect(child.events[1]).toMatchObject({ actorRole: 'desk', data: { petitionerIndexes: [0, 2], petitionerCount: 6 } });
      const g = (await related(s, desk, child.id).expect(200)).body;
      expect(g.representatives.map((r: { petitionerIndex: number }) => r.petitionerIndex)).toEqual([0, 2]);
      expect(g.representativesMissing).toBe(false);
    });

    it('does not flag a petition received at the commune, nor a denunciation at the province', async () => {
      const atCommune = await createPetition(s, desk, petitionBody(communeId, { title: 'Rác tồn đọng ở chợ', petitioner: skipped }));
      expect((await related(s, desk, atCommune.id).expect(200)).body.flags.overLevel).toBeNull();
      const denunciation = await createPetition(s, provinceDesk, petitionBody(provinceId, { kind: 'denunciation', title: 'Tố cáo cán bộ phường nhận tiền', petitioner: skipped }));
      expect((await related(s, provinceDesk, denunciation.id).expect(200)).body.flags.overLevel).toBeNull();
    });

    it('refuses to transfer a complaint (guide instead), a non-commune destination, and a commune-held petition', async () => {
      const complaint = await createPetition(s, provinceDesk, petitionBody(provinceId, { kind: 'complaint', title: 'Khiếu nại việc cấp phép xây dựng', petitioner: skipped }));
      const res = await s.http().post(`/api/petitions/${complaint.id}/actions/return-to-commune`).set('Authorization', provinceDesk).send({ communeId });
      expectProblem(res, 409, 'grouping.return_complaint_guide');
      expect(res.body.messages.vi).toContain('Phường Hạ Long');
      expect(res.body.allowedActions).toEqual(['guide']);

      const feedback = await createPetition(s, provinceDesk, petitionBody(provinceId, { title: 'Xe tải chạy quá tốc độ', petitioner: skipped }));
      const wrong = await s.http().post(`/api/petitions/${feedback.id}/actions/return-to-commune`).set('Authorization', provinceDesk).send({ communeId: provinceId });
      expectProblem(wrong, 422, 'error.validation');
      expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'communeId', code: 'grouping.return_commune_invalid' })]);
      expect((await s.http().get(`/api/petitions/${feedback.id}`).set('Authorization', provinceDesk).expect(200)).body.status).toBe('received');

      const local = await createPetition(s, desk, petitionBody(communeId, { title: 'Xe tải chạy quá tốc độ qua trường học' }));
      expectProblem(await s.http().post(`/api/petitions/${local.id}/actions/return-to-commune`).set('Authorization', desk).send({ communeId }), 409, 'grouping.return_not_province_level');
    });
  });

  describe('bad input gets problem+json with field details and changes nothing', () => {
    it.each([
      ['a cluster with a malformed petition id', 'post', '/api/clusters', { title: 'X', petitionIds: ['abc'] }, 'petitionIds'],
      ['a cluster with no petitions', 'post', '/api/clusters', { title: 'X', petitionIds: [] }, 'petitionIds'],
      ['a cluster with an unknown field', 'post', '/api/clusters', { title: 'X', petitionIds: ['00000000-0000-4000-8000-000000000000'], colour: 'red' }, 'colour'],
      ['a draft without a title', 'post', '/api/clusters/suggest', { content: 'y', receivingUnitId: '00000000-0000-4000-8000-000000000000' }, 'title'],
      ['a representative with a bad phone', 'put', '/api/petitions/00000000-0000-4000-8000-000000000000/representatives', { representatives: [{ fullName: 'A', phone: 'abc' }] }, 'representatives.0.phone'],
      ['a return without a commune', 'post', '/api/petitions/00000000-0000-4000-8000-000000000000/actions/return-to-commune', { note: 'x' }, 'communeId'],
    ])('%s', async (_what, method, url, body, field) => {
      const before = await count('petition_clusters');
      const res = await (s.http() as unknown as Record<string, (u: string) => import('supertest').Test>)[method]!(url).set('Authorization', desk).send(body);
      expectProblem(res, 400, 'error.validation');
      expect(res.body.messages).toEqual({ vi: expect.any(String), en: expect.any(String) });
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await count('petition_clusters')).toBe(before);
    });

    it('refuses a duplicate id, a malformed window and a malformed path id', async () => {
      const p = await createPetition(s, desk, petitionBody(communeId, { title: 'Biển báo giao thông bị đổ' }));
      const dup = await createCluster(s, desk, { title: 'X', petitionIds: [p.id, p.id] });
      expectProblem(dup, 400, 'error.validation');
      expect(dup.body.errors).toEqual([expect.objectContaining({ field: 'petitionIds.1', code: 'grouping.duplicate_ids' })]);
      const win = await hotSpots(s, board, '?days=0');
      expectProblem(win, 400, 'error.validation');
      expect(win.body.errors).toEqual([expect.objectContaining({ field: 'days' })]);
      expectProblem(await getCluster(s, desk, 'not-a-uuid'), 400, 'error.validation');
    });
  });

  it('lists every grouping endpoint in the OpenAPI document', async () => {
    const paths = Object.keys((await s.http().get('/api/docs-json').expect(200)).body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/petitions/{id}/representatives',
        '/api/petitions/{id}/related',
        '/api/petitions/{id}/cluster-candidates',
        '/api/petitions/{id}/actions/return-to-commune',
        '/api/clusters/suggest',
        '/api/clusters',
        '/api/clusters/{id}',
        '/api/clusters/{id}/members',
        '/api/clusters/{id}/members/{petitionId}',
        '/api/clusters/{id}/close',
        '/api/board/hot-spots',
      ]),
    );
  });

  // Last: it moves the shared test clock forward.
  describe('hot spots on the board', () => {
    it('lists an open group petition in no cluster, by counts only, until it joins a cluster', async () => {
      const [first, ...others] = signatories(7, 'Hộ khu 11');
      const group = await createPetition(s, desk, petitionBody(communeId, { title: 'Nhà máy gạch xả khói khu 11', petitioner: first!, coPetitioners: others }));
      const small = await createPetition(s, desk, petitionBody(communeId, { title: 'Nhà máy gạch xả khói', coPetitioners: [{ fullName: 'Hộ khu 11 lẻ' }] }));
      const body = (await hotSpots(s, board).expect(200)).body;
      const entry = body.groupPetitions.find((g: { petitionId: string }) => g.petitionId === group.id);
      expect(entry).toMatchObject({ petitionerCount: 7, kind: 'feedback', owningUnitId: communeId, reasons: [{ code: 'group_petition' }] });
      expect(entry.reasons[0].message.vi).toBe('Có đơn đông người (7 người, ngưỡng 5)');
      expect(body.groupPetitions.map((g: { petitionId: string }) => g.petitionId)).not.toContain(small.id);
      expect(JSON.stringify(body.groupPetitions)).not.toContain('Hộ khu 11');
      // Once in a cluster, the cluster carries it.
      await createCluster(s, desk, { title: 'Khói nhà máy gạch khu 11', petitionIds: [group.id] }).expect(201);
      expect((await hotSpots(s, board).expect(200)).body.groupPetitions.map((g: { petitionId: string }) => g.petitionId)).not.toContain(group.id);
    });

    it('closes a cluster with a reason: events on every member, off the hot spots, no more members', async () => {
      const mk = (n: number) => createPetition(s, desk, petitionBody(communeId, { title: 'Cầu tạm khu 12 hư hỏng', petitioner: { fullName: `Khu 12 số ${n}`, phone: `09220012${10 + n}` } }));
      const a = await mk(1);
      const b = await mk(2);
      const c = await mk(3);
      const clusterId: string = (await createCluster(s, desk, { title: 'Cầu tạm khu 12', petitionIds: [a.id, b.id] }).expect(201)).body.id;
      const inHotSpots = async () => (await hotSpots(s, board).expect(200)).body.items.some((i: { clusterId: string }) => i.clusterId === clusterId);
      expect(await inHotSpots()).toBe(true);
      const close = (token: string, body: object) => s.http().post(`/api/clusters/${clusterId}/close`).set('Authorization', token).send(body);

      expectProblem(await close(desk, {}), 400, 'error.validation');
      expectProblem(await close(board, { reason: 'x' }), 403, 'grouping.role_not_allowed');
      expectProblem(await close(await s.token('handler'), { reason: 'x' }), 403, 'grouping.role_not_allowed');
      expectProblem(await close(provinceDesk, { reason: 'x' }), 404, 'error.not_found');

      const closed = await close(head, { reason: 'Đã sửa cầu, trả lời chung cho các hộ' }).expect(200);
      expect(closed.body).toMatchObject({ status: 'closed', memberCount: 2, closeReason: 'Đã sửa cầu, trả lời chung cho các hộ', closedAt: expect.any(String) });
      for (const id of [a.id, b.id]) {
        const trail = (await s.http().get(`/api/petitions/${id}`).set('Authorization', desk).expect(200)).body.events;
        expect(trail.at(-1)).toMatchObject({ type: 'PetitionClusterClosed', actorRole: 'head', data: { clusterId, clusterTitle: 'Cầu tạm khu 12', reason: 'Đã sửa cầu, trả lời chung cho các hộ' } });
      }
      expect(await inHotSpots()).toBe(false);
      expectProblem(await addMembers(s, desk, clusterId, [c.id]), 409, 'grouping.cluster_closed');
      expectProblem(await s.http().delete(`/api/clusters/${clusterId}/members/${a.id}`).set('Authorization', desk), 409, 'grouping.cluster_closed');
      expectProblem(await close(desk, { reason: 'lần nữa' }), 409, 'grouping.cluster_closed');
      const listed = await s.http().get('/api/clusters?status=closed').set('Authorization', desk).expect(200);
      expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(clusterId);
    });

    it('flags a cluster hot when it grows by 5 petitioners within the window, and not once the window has passed', async () => {
      const flood = (n: number) =>
        createPetition(s, desk, petitionBody(communeId, { title: 'Sạt lở bờ sông khu 6', location: 'Khu 6', petitioner: { fullName: `Người dân khu 6 số ${n}`, phone: `09330000${10 + n}` } }));
      const first = await flood(1);
      const clusterId: string = (await createCluster(s, desk, { title: 'Sạt lở bờ sông khu 6', petitionIds: [first.id] }).expect(201)).body.id;
      const row = async (token = board, query = '') =>
        (await hotSpots(s, token, query).expect(200)).body.items.find((i: { clusterId: string }) => i.clusterId === clusterId);

      expect(await row()).toMatchObject({ memberCount: 1, newPetitioners: 1, hot: false, reasons: [] });
      const more = [];
      for (let n = 2; n <= 5; n++) more.push((await flood(n)).id);
      await addMembers(s, desk, clusterId, more).expect(200);

      const hot = await row();
      expect(hot).toMatchObject({ memberCount: 5, petitionerCount: 5, newMembers: 5, newPetitioners: 5, hot: true, reasons: [expect.objectContaining({ code: 'growth' })] });
      expect(hot.reasons[0].message.vi).toBe('Tăng 5 người đứng tên trong 7 ngày (ngưỡng 5)');
      // Counts only: no names on the board.
      expect(JSON.stringify(hot)).not.toContain('Người dân');
      expect((await hotSpots(s, board, '?hotOnly=true').expect(200)).body.items.map((i: { clusterId: string }) => i.clusterId)).toContain(clusterId);
      // The commune's head sees it too; a handler does not read the board.
      expect(await row(head)).toMatchObject({ hot: true });
      expect((await hotSpots(s, await s.token('handler'))).status).toBe(403);

      await s.http().post('/api/test-clock').set('Authorization', admin).send({ advance: 'P8D' }).expect(200);
      expect(await row()).toMatchObject({ memberCount: 5, newPetitioners: 0, hot: false });
      expect(await row(board, '?days=30')).toMatchObject({ newPetitioners: 5, hot: true });
    });
  });
});
