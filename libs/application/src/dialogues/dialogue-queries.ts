import { type Clock, type CommitmentStatus, type DialogueKind, type DialogueStatus, LABELS, toLocalDate } from '@app/domain';
import { COMMITMENT_SELECT, commitmentStore, dialogueStore, PetitionEntity, toCommitmentRecord } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { accessScopeOf } from '../auth/access-scope.js';
import { scopeSql, SqlParams } from '../board/board-access.js';
import type { CurrentUser } from '../auth/current-user.js';
import { CLOCK } from '../shared/clock.provider.js';
import { subjectDeadline } from '../deadlines/subject-clocks.js';
import {
  askerPetitionIds,
  askerPetitionKinds,
  availableCommitmentActions,
  type CommitmentSummaryView,
  type CommitmentView,
  type DialogueSummaryView,
  type DialogueView,
  type LinkedPetitionView,
  toCommitmentSummary,
  toDialogueSummary,
  toDialogueView,
  toSubjectEventView,
} from './dialogue-view.js';
import { visibleCommitment, visibleDialogue } from './visible-dialogue.js';

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export interface DialogueListFilter {
  readonly kind?: DialogueKind;
  readonly status?: DialogueStatus;
  readonly unitId?: string;
  readonly petitionId?: string;
  readonly page: number;
  readonly pageSize: number;
}

export interface CommitmentListFilter {
  readonly status?: CommitmentStatus;
  /** true: marked overdue, or unfinished and past the due day; false: the rest. */
  readonly overdue?: boolean;
  readonly ownerUnitId?: string;
  readonly dialogueId?: string;
  readonly page: number;
  readonly pageSize: number;
}


@Injectable()
export class DialogueQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(user: CurrentUser, f: DialogueListFilter): Promise<Page<DialogueSummaryView>> {
    const params = new SqlParams();
    const where = [scopeSql(accessScopeOf(user), 'u', params)];
    if (f.kind) where.push(`d.kind = ${params.p(f.kind)}`);
    if (f.status) where.push(`d.status = ${params.p(f.status)}`);
    if (f.unitId) where.push(`d.unit_id = ${params.p(f.unitId)}`);
    if (f.petitionId) where.push(`EXISTS (SELECT 1 FROM dialogue_petitions dp WHERE dp.dialogue_id = d.id AND dp.petition_id = ${params.p(f.petitionId)})`);
    const em = this.dataSource.manager;
    const from = `FROM dialogues d JOIN units u ON u.id = d.unit_id WHERE ${where.join(' AND ')}`;
    const [{ total }] = (await em.query(`SELECT count(*)::int AS total ${from}`, [...params.values])) as { total: number }[];
    const ids: { id: string }[] = await em.query(
      `SELECT d.id ${from} ORDER BY d.created_at DESC, d.id DESC LIMIT ${params.p(f.pageSize)} OFFSET ${params.p((f.page - 1) * f.pageSize)}`,
      params.values,
    );
    const records = await dialogueStore.byIds(
      em,
      ids.map((r) => r.id),
    );
    return { items: records.map((r) => toDialogueSummary(r.state)), total: total!, page: f.page, pageSize: f.pageSize };
  }

  async get(user: CurrentUser, id: string): Promise<DialogueView> {
    const em = this.dataSource.manager;
    const now = this.clock.now();
    const { record } = await visibleDialogue(em, user, id);
    const s = record.state;
    const petitions: LinkedPetitionView[] = (
      (await em.query(
        `SELECT p.id, p.tracking_code, p.kind, p.channel, p.status, p.instance, p.title
           FROM dialogue_petitions dp JOIN petitions p ON p.id = dp.petition_id
          WHERE dp.dialogue_id = $1 ORDER BY dp.ordinal`,
        [id],
      )) as { id: string; tracking_code: string; kind: string; channel: string; status: keyof typeof LABELS.status; instance: number; title: string }[]
    ).map((p) => ({
      id: p.id,
      trackingCode: p.tracking_code,
      kind: p.kind,
      channel: p.channel,
      status: p.status,
      statusLabel: LABELS.status[p.status],
      instance: p.instance,
      title: p.title,
    }));
    const commitments = await commitmentStore.forDialogue(em, id);
    const carriedOver = await commitmentStore.byIds(em, s.carriedOverCommitmentIds);
    const events = await dialogueStore.events(em, id);
    const deadline = await subjectDeadline(em, { type: 'dialogue', id }, now);
    // The kinds of the petitions questions became (directly or by transfer) decide whose identity is secret.
    const askerPetitions = askerPetitionIds(s, commitments);
    const kinds = askerPetitions.length === 0 ? [] : await em.find(PetitionEntity, { where: { id: In(askerPetitions) }, select: { id: true, kind: true } });
    const askerKinds = askerPetitionKinds(s, commitments, new Map(kinds.map((p) => [p.id, p.kind])));
    return toDialogueView(s, { note: record.note, viewer: user, now, petitions, commitments, carriedOver, events, deadline, askerKinds });
  }
}

@Injectable()
export class CommitmentQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(user: CurrentUser, f: CommitmentListFilter): Promise<Page<CommitmentSummaryView>> {
    const now = this.clock.now();
    const params = new SqlParams();
    const scope = accessScopeOf(user);
    // Visible through the owner unit or through the dialogue's convening unit (see visibleCommitment).
    const where = [`(${scopeSql(scope, 'ou', params)} OR ${scopeSql(scope, 'du', params)})`];
    if (f.status) where.push(`c.status = ${params.p(f.status)}`);
    if (f.ownerUnitId) where.push(`c.owner_unit_id = ${params.p(f.ownerUnitId)}`);
    if (f.dialogueId) where.push(`c.dialogue_id = ${params.p(f.dialogueId)}`);
    if (f.overdue !== undefined) {
      const today = params.p(toLocalDate(now));
      where.push(`${f.overdue ? '' : 'NOT '}(c.status = 'overdue' OR (c.status IN ('open', 'in_progress') AND c.due_date < ${today}::date))`);
    }
    const em = this.dataSource.manager;
    const from = `FROM commitments c JOIN units ou ON ou.id = c.owner_unit_id JOIN dialogues d ON d.id = c.dialogue_id JOIN units du ON du.id = d.unit_id
                  WHERE ${where.join(' AND ')}`;
    const [{ total }] = (await em.query(`SELECT count(*)::int AS total ${from}`, [...params.values])) as { total: number }[];
    const rows = await em.query(
      `${COMMITMENT_SELECT.replace('FROM commitments c', from)} ORDER BY c.due_date, c.id LIMIT ${params.p(f.pageSize)} OFFSET ${params.p((f.page - 1) * f.pageSize)}`,
      params.values,
    );
    return { items: rows.map((r: never) => toCommitmentSummary(toCommitmentRecord(r).state, now)), total: total!, page: f.page, pageSize: f.pageSize };
  }

  async get(user: CurrentUser, id: string): Promise<CommitmentView> {
    const em = this.dataSource.manager;
    const record = await visibleCommitment(em, user, id);
    const events = await commitmentStore.events(em, id);
    const now = this.clock.now();
    return {
      ...toCommitmentSummary(record.state, now),
      defaultDueDate: record.defaultDueDate,
      evidence: record.state.evidence,
      availableActions: availableCommitmentActions(record.state, user),
      events: events.map(toSubjectEventView),
      deadline: await subjectDeadline(em, { type: 'commitment', id }, now),
    };
  }
}
