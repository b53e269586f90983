// Generated from the API's OpenAPI document by `npm run api:client` (openapi-typescript). Do not edit.

export interface paths {
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/board/hot-spots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open clusters with size and growth over the last `days` days (hot when growth or a group petition passes the threshold), and open group petitions in no cluster (counts only) */
        get: operations["HotSpotsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/board/overdue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Overdue and near-breach petitions (one row per open clock), most overdue first, then nearest to breach */
        get: operations["BoardController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/board/overdue-commitments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Commitments made at dialogues and not kept in time, oldest due date first (they are also carried into the next conference agenda) */
        get: operations["BoardController_commitments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/board/reception-compliance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per head and month: position, days required by the rule in force over the part of the month the head held the duty, days held; in progress until the month is over, flagged when short */
        get: operations["ReceptionComplianceController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/board/satisfaction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Citizen ratings per unit and per handler over a period of Vietnam local dates, with definitions */
        get: operations["SatisfactionBoardController_figures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/board/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Figures by unit over a period of Vietnam local dates, with the grassroots resolution rate and its definitions */
        get: operations["BoardController_figures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every day off of a year with its reason (weekends only with includeWeekends=true), swapped working days, the year's announced facts, and the facts of the next 12 months not yet announced */
        get: operations["CalendarController_year"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add or replace the entry of a date; returns the open clocks whose due instant moves */
        post: operations["CalendarController_upsert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/entries/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove the administrator's entry of a date; returns the open clocks whose due instant moves */
        delete: operations["CalendarController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/facts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the notice that confirms a year's Tết span, second National Day or swaps; returns the open clocks that move */
        post: operations["CalendarController_upsertFact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/facts/{year}/{fact}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw a recorded notice: the fact is unconfirmed again; returns the open clocks that move */
        delete: operations["CalendarController_removeFact"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clusters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Clusters in your jurisdiction, most recently changed first */
        get: operations["ClustersController_list"];
        put?: never;
        /** Create a cluster from petitions of one jurisdiction (desk, head) */
        post: operations["ClustersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clusters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A cluster with every member petition and every petitioner (identities only where your role may see them) */
        get: operations["ClustersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clusters/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a cluster with a reason (desk, head): members stay, each gets the event; no more members; off the hot spots */
        post: operations["ClustersController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clusters/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add petitions to a cluster (desk, head) */
        post: operations["ClustersController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clusters/{id}/members/{petitionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take a petition out of a cluster (desk, head) */
        delete: operations["ClustersController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clusters/suggest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** At intake, before saving: open petitions and clusters that look like the same matter (diacritics-insensitive) */
        post: operations["ClustersController_suggest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/commitments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CommitmentsController_list"];
        put?: never;
        /** Head: record a commitment made at a held dialogue */
        post: operations["CommitmentsController_createCommitment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/commitments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CommitmentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/commitments/{id}/actions/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CommitmentsController_perform"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deadline-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every published version, with its validity and rules */
        get: operations["DeadlinePoliciesController_list"];
        put?: never;
        /** Publish a new version (max + 1); the open-ended version ends where it begins */
        post: operations["DeadlinePoliciesController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deadline-policies/{version}/recompute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-pin open clocks in scope to this version's rules and recompute their due dates (dryRun: report only) */
        post: operations["DeadlinePoliciesController_recompute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dialogues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DialoguesController_list"];
        put?: never;
        /** Record that a dialogue is due (desk, head); G2 checks a voters’ request reaches 10% */
        post: operations["DialoguesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dialogues/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The dialogue with its minutes, question outcomes, linked petitions, commitments and events */
        get: operations["DialoguesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dialogues/{id}/actions/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DialoguesController_perform"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feedback/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the feedback link is about (public petition facts only) and what the citizen may do */
        get: operations["FeedbackController_view"];
        put?: never;
        /** Record the rating once. Not satisfied: feedback and recommendations are reopened at the same unit; complaints and denunciations get their legal remedy explained */
        post: operations["FeedbackController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My notifications, newest first, with the unread count */
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one notification read */
        post: operations["NotificationsController_markRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/digest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My latest daily digest as a list: one item per case, commitment or dialogue with its clock state */
        get: operations["NotificationsController_digest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all my notifications read */
        post: operations["NotificationsController_markAllRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live notifications (server-sent events)
         * @description Send the usual `Authorization: Bearer` header (read it with fetch streaming; EventSource cannot send headers, and tokens never go in URLs). Events: `unread` (data UnreadCountDto) on connect and whenever the count changes; `notification` (data NotificationViewDto, as in GET /notifications) for each new notification; `end` (data StreamEndDto) just before the server closes the stream, at the latest when the token expires. Comment lines (`: keep-alive`) every ~25 s. Reconnect after a drop; the first `unread` event carries the current count. Too many open streams for one user: 429.
         */
        get: operations["NotificationsController_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/petitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Petitions in your jurisdiction: the inbox (scope, open, sort=time_left), the reception log (receivedFrom, receivedTo, channel) and search (q) */
        get: operations["PetitionsController_list"];
        put?: never;
        post: operations["PetitionsController_createPetition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/petitions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PetitionsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/petitions/{id}/actions/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PetitionsController_perform"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/petitions/{id}/actions/return-to-commune": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Over-level (vượt cấp): transfer a province-level petition to the competent commune and keep watching it */
        post: operations["PetitionGroupingController_returnPetition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/petitions/{id}/cluster-candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open petitions and clusters of the same jurisdiction about the same matter, with score and reason */
        get: operations["PetitionGroupingController_candidates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/petitions/{id}/complaint-obstacles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Desk or head: record a period the complainant could not act (LKN Art 9, 33); its days are not counted in the K6 window */
        post: operations["PetitionDeadlinesController_recordObstacle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/petitions/{id}/deadlines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every clock of the petition, with its thresholds and how its due date was counted */
        get: operations["PetitionDeadlinesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/petitions/{id}/deadlines/{clockId}/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Extend a clock by a written decision, within the limits of its rule (LTC Art 30: twice 30 days) */
        post: operations["PetitionDeadlinesController_extend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/petitions/{id}/deadlines/{clockId}/met": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a clock met by an act outside the workflow (e.g. the T3 notices sent); only for rules without a workflow event */
        post: operations["PetitionDeadlinesController_met"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/petitions/{id}/deadlines/{clockId}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause a clock for a typed reason the rule allows (paused days do not count) */
        post: operations["PetitionDeadlinesController_pause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/petitions/{id}/deadlines/{clockId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused clock; its due date moves by the paused days */
        post: operations["PetitionDeadlinesController_resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/petitions/{id}/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the case as complex (longer periods) and/or prolonged (earlier escalation) */
        post: operations["PetitionDeadlinesController_setFlags"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/petitions/{id}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The printed receipt slip (giấy biên nhận), desk and head: tracking code and URL, kind, receiving unit, day received, channel, petitioner’s name, and what happens next by when */
        get: operations["PetitionsController_receipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/petitions/{id}/related": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Grouping facts and flags: representatives, cluster, repeat links (repeatOf, repeatedBy) and the over-level flag with its checks */
        get: operations["PetitionGroupingController_getRelated"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/petitions/{id}/representatives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Record a group petition's representatives (K16: 5–10 signatories → 1–2; more than 10 → at most 5), each one of the signatories */
        put: operations["PetitionGroupingController_setRepresentatives"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reception-days": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reception days in your jurisdiction, by date */
        get: operations["ReceptionDaysController_list"];
        put?: never;
        /** Plan a reception day (head, desk of the unit, or admin); the host must hold the position there on that date */
        post: operations["ReceptionDaysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reception-days/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReceptionDaysController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reception-days/{id}/actions/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** hold (on or after the day: attendees and petitions taken), cancel (with a reason), link-petitions (after hold) */
        post: operations["ReceptionDaysController_perform"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reception-duties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReceptionDutiesController_list"];
        put?: never;
        /** Record that a head holds a reception position in a unit from a date (head of that unit, or admin) */
        post: operations["ReceptionDutiesController_assign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reception-duty-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReceptionDutyRulesController_list"];
        put?: never;
        /** Admin: a new rule version for a position from a future date; the one in force ends the day before */
        post: operations["ReceptionDutyRulesController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/track/{trackingCode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TrackingController_track"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UnitsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{id}/remote-area": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["UnitsController_setRemoteArea"];
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff in your jurisdiction (desk, head, admin): name, role, unit and whether active; for the assignee picker. Never a password or username */
        get: operations["UsersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcceptBody: {
            note?: string;
        };
        AddClusterMembersBody: {
            note?: string;
            petitionIds: string[];
        };
        AddEvidenceBody: {
            evidence: components["schemas"]["EvidenceDto"];
        };
        AlertStepDto: {
            escalate: boolean;
            /** @example 10 */
            everyWorkingDaysOverdue?: number;
            informCitizenOfRights?: boolean;
            /**
             * @description '100' is the due rung; 'overdue' the repeat
             * @example 80
             */
            key: string;
            notify: ("assignee" | "unit_heads" | "commune_heads" | "province_board")[];
            /**
             * @description Share of the period used (0 < share ≤ 1)
             * @example 0.8
             */
            share?: number;
        };
        AnnounceBody: {
            /** @description G3: where the notice was published (≥7 days before) */
            channels: ("notice_board" | "loudspeaker" | "mass_media" | "website" | "social_network" | "hamlet_heads" | "direct_notice")[];
        };
        AssignBody: {
            /** Format: uuid */
            assigneeId: string;
            note?: string;
        };
        AssignReceptionDutyDto: {
            /**
             * @description Default: today (Vietnam)
             * @example 2026-07-01
             */
            effectiveFrom?: string;
            /** @description Last day held (inclusive); open-ended when absent */
            effectiveTo?: string;
            /** @enum {string} */
            position: "commune_chair" | "commune_party_head" | "province_chair" | "province_party_head";
            /** Format: uuid */
            unitId: string;
            /**
             * Format: uuid
             * @description An active head of that unit
             */
            userId: string;
        };
        AttendeesDto: {
            /** @description Citizens present (headcount) */
            citizens: number;
            /** @description UB MTTQ (co-organiser) */
            fatherlandFront: components["schemas"]["NamedPresenceDto"];
            /** @description HĐND standing committee (co-chair) */
            peoplesCouncil: components["schemas"]["NamedPresenceDto"];
            /** @description Mass organisations present */
            unions?: string[];
        };
        BilingualText: {
            en: string;
            vi: string;
        };
        BoardStatsView: {
            /**
             * Format: date-time
             * @description When overdueNow was measured
             */
            asOf: string;
            /** @description period, received, resolved, resolvedOnTime, overdueNow, escalated, transferredOut, onTimeRate, grassrootsRate */
            definitions: {
                [key: string]: components["schemas"]["BilingualText"];
            };
            /** @enum {string} */
            groupBy: "unit" | "commune";
            period: components["schemas"]["ReportPeriod"];
            rows: components["schemas"]["StatsRowView"][];
            totals: components["schemas"]["StatsCountsView"];
        };
        CalendarEntryBody: {
            /** @example 2026-12-24 */
            date: string;
            /** @enum {string} */
            kind: "holiday" | "compensatory" | "swap_off" | "swap_work";
            /** @example Thông báo 9441/TB-BNV */
            legalRef?: string;
            /** @example Nghỉ bù Quốc khánh */
            name: string;
        };
        CalendarFactBody: {
            /**
             * @description tet: the Tết span; national_day: the day next to 02/09; swaps: the year's swapped days
             * @enum {string}
             */
            fact: "tet" | "national_day" | "swaps";
            note?: string;
            /** @example Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ */
            reference: string;
            /**
             * @description verified: checked against the notice itself; partial: against reports of it
             * @enum {string}
             */
            verification: "verified" | "partial" | "unverified";
            /**
             * @description The year of the announcement (for Tết: the year lunar New Year falls in)
             * @example 2027
             */
            year: number;
        };
        CancelBody: {
            reason: string;
        };
        CancelReceptionDayBody: {
            /** @example Lãnh đạo đi công tác đột xuất */
            reason: string;
        };
        CaseFlagsBody: {
            /** @description Complex case: longer statutory periods (LKN Art 28, 37); one extension (LTC Art 30(2)) */
            complex?: boolean;
            /** @description Particularly complex case (implies complex): two extensions (LTC Art 30(3)) */
            particularlyComplex?: boolean;
            /** @description Prolonged case (kéo dài): earlier escalation (DOMAIN.md §4.4) */
            prolonged?: boolean;
            reason: string;
        };
        ClockRuleDto: {
            addressedToPartyHead?: boolean;
            cancelledOn: ("PetitionReceived" | "PetitionAccepted" | "PetitionRejected" | "PetitionTransferred" | "PetitionGuided" | "PetitionFiled" | "PetitionAssigned" | "VerificationStarted" | "VerificationReported" | "PetitionResolved" | "PetitionClosed" | "PetitionWithdrawn" | "PetitionReopened" | "SecondInstanceRequested" | "PetitionEscalated" | "CitizenRightsNotified" | "DeadlinePaused" | "DeadlineResumed" | "DeadlineExtended" | "DeadlineMet" | "CaseFlagsChanged" | "PetitionClustered" | "PetitionUnclustered" | "PetitionClusterClosed" | "RepresentativesAppointed" | "CitizenFeedbackRecorded" | "ComplaintObstacleRecorded")[];
            /** @enum {string} */
            clockKind: "processing" | "acceptance" | "resolution" | "notice" | "party_reply";
            days: components["schemas"]["PeriodVariantsDto"];
            /** @description False: the clock alerts but never raises the escalation level (T2, a duty only if outside competence) */
            escalates?: boolean;
            extension?: components["schemas"]["ExtensionRuleDto"];
            /** @enum {number} */
            instance: 1 | 2;
            /** @example Luật Khiếu nại 2011 Điều 28 */
            legalBasis: string;
            /** @description Also met by POST …/met with the notice’s reference (R5: the written notice of receipt or transfer) */
            metByNotice?: boolean;
            /** @description Empty: met by hand (POST …/met) */
            metOn: ("PetitionReceived" | "PetitionAccepted" | "PetitionRejected" | "PetitionTransferred" | "PetitionGuided" | "PetitionFiled" | "PetitionAssigned" | "VerificationStarted" | "VerificationReported" | "PetitionResolved" | "PetitionClosed" | "PetitionWithdrawn" | "PetitionReopened" | "SecondInstanceRequested" | "PetitionEscalated" | "CitizenRightsNotified" | "DeadlinePaused" | "DeadlineResumed" | "DeadlineExtended" | "DeadlineMet" | "CaseFlagsChanged" | "PetitionClustered" | "PetitionUnclustered" | "PetitionClusterClosed" | "RepresentativesAppointed" | "CitizenFeedbackRecorded" | "ComplaintObstacleRecorded")[];
            pauseReasons: ("suspension" | "awaiting_citizen_documents" | "awaiting_other_agency" | "force_majeure")[];
            petitionKinds: ("complaint" | "denunciation" | "recommendation" | "feedback")[];
            /** @description Events that start the clock again once the earlier one stopped (a reopen) */
            restartsOn?: ("PetitionReceived" | "PetitionAccepted" | "PetitionRejected" | "PetitionTransferred" | "PetitionGuided" | "PetitionFiled" | "PetitionAssigned" | "VerificationStarted" | "VerificationReported" | "PetitionResolved" | "PetitionClosed" | "PetitionWithdrawn" | "PetitionReopened" | "SecondInstanceRequested" | "PetitionEscalated" | "CitizenRightsNotified" | "DeadlinePaused" | "DeadlineResumed" | "DeadlineExtended" | "DeadlineMet" | "CaseFlagsChanged" | "PetitionClustered" | "PetitionUnclustered" | "PetitionClusterClosed" | "RepresentativesAppointed" | "CitizenFeedbackRecorded" | "ComplaintObstacleRecorded")[];
            /**
             * @description DOMAIN.md row id; unique within the policy
             * @example K3
             */
            ruleId: string;
            /** @description Does not apply to anonymous letters (LTC Art 25(2)) */
            skipAnonymous?: boolean;
            /** @enum {string} */
            startsOn: "PetitionReceived" | "PetitionAccepted" | "PetitionRejected" | "PetitionTransferred" | "PetitionGuided" | "PetitionFiled" | "PetitionAssigned" | "VerificationStarted" | "VerificationReported" | "PetitionResolved" | "PetitionClosed" | "PetitionWithdrawn" | "PetitionReopened" | "SecondInstanceRequested" | "PetitionEscalated" | "CitizenRightsNotified" | "DeadlinePaused" | "DeadlineResumed" | "DeadlineExtended" | "DeadlineMet" | "CaseFlagsChanged" | "PetitionClustered" | "PetitionUnclustered" | "PetitionClusterClosed" | "RepresentativesAppointed" | "CitizenFeedbackRecorded" | "ComplaintObstacleRecorded";
            /** @enum {string} */
            unit: "calendar_days" | "working_days";
            /** @enum {string} */
            verification: "verified" | "partial" | "unverified";
        };
        CloseBody: {
            note?: string;
        };
        CloseClusterBody: {
            /**
             * @description Why the cluster is closed (the matter handled), for the trail of every member
             * @example Đã giải quyết chung bằng Quyết định 210/QĐ-UBND
             */
            reason: string;
        };
        ClusterDraftBody: {
            content: string;
            /** @example Thôn Đông Hạ */
            place?: string;
            /** Format: uuid */
            receivingUnitId: string;
            /**
             * @description The decision complained about or referred to
             * @example 125/QĐ-UBND
             */
            respondentDecisionRef?: string;
            /** @example Thu hồi đất ở thôn Đông Hạ */
            title: string;
        };
        ComplaintObstacleBody: {
            /**
             * @description First day the complainant could not act (Vietnam local date)
             * @example 2026-12-01
             */
            fromDay: string;
            /** @description The evidence seen (e.g. a hospital certificate) */
            note?: string;
            /**
             * @description LKN Art 9: illness, natural disaster, war, work or study far away, other objective obstacle
             * @enum {string}
             */
            reason: "illness" | "natural_disaster" | "war" | "distant_work_or_study" | "other_objective_obstacle";
            /**
             * @description Last day, inclusive; not after today
             * @example 2026-12-10
             */
            toDay: string;
        };
        ComplaintPeriodDaysDto: {
            /** @example 45 */
            remote?: number;
            /** @example 30 */
            standard: number;
        };
        ComplaintPeriodRuleDto: {
            days: components["schemas"]["ComplaintPeriodDaysDto"];
            /** @example Luật Khiếu nại 2011 Điều 33 */
            legalBasis: string;
            /** @example K6 */
            ruleId: string;
            /** @enum {string} */
            unit: "calendar_days" | "working_days";
            /** @enum {string} */
            verification: "verified" | "partial" | "unverified";
        };
        ComplaintPeriodsDto: {
            /** @description K1: filing limit (LKN Art 9) */
            filing: components["schemas"]["ComplaintPeriodRuleDto"];
            /** @description K10: first decision takes legal effect (LKN Art 44) */
            firstDecisionEffect: components["schemas"]["ComplaintPeriodRuleDto"];
            /** @description K6: second-time complaint window (LKN Art 33) */
            secondComplaint: components["schemas"]["ComplaintPeriodRuleDto"];
            /** @description K11: second decision takes legal effect (LKN Art 44) */
            secondDecisionEffect: components["schemas"]["ComplaintPeriodRuleDto"];
        };
        CompleteBody: {
            /** @description Needed unless evidence was added before */
            evidence?: components["schemas"]["EvidenceDto"];
        };
        CreateClusterBody: {
            note?: string;
            /** @description The petitions about this matter (same jurisdiction, not in another cluster) */
            petitionIds: string[];
            /** @example Thôn Đông Hạ */
            place?: string;
            /** @example 125/QĐ-UBND */
            respondentDecisionRef?: string;
            /** @example Thu hồi đất thôn Đông Hạ */
            title: string;
            /** @description A short topic key, e.g. "thu-hoi-dat" */
            topicKey?: string;
        };
        CreateCommitmentDto: {
            /**
             * Format: uuid
             * @description A held dialogue (held, results published or in follow-up)
             */
            dialogueId: string;
            /**
             * @description Default: the commitment policy (30 days)
             * @example 2027-04-30
             */
            dueDate?: string;
            ownerPerson?: string;
            /** Format: uuid */
            ownerUnitId: string;
            title: string;
        };
        CreatePetitionDto: {
            /**
             * @description Addressed to the Party committee head: the R5 written-reply clock (QĐ 11-QĐi/TW)
             * @default false
             */
            addressedToPartyHead: boolean;
            /**
             * @description A denunciation with no name (LTC Art 25(2)); give no petitioner
             * @default false
             */
            anonymous: boolean;
            /** @enum {string} */
            channel: "in_person" | "mail" | "hotline" | "online" | "dialogue";
            content: string;
            coPetitioners?: components["schemas"]["PersonDto"][];
            /**
             * @description Complaints (K1, LKN Art 9): the local date the complainant received or learnt of the decision; past 90 days the response warns
             * @example 2026-08-20
             */
            decisionKnownOn?: string;
            /** @enum {string} */
            kind: "complaint" | "denunciation" | "recommendation" | "feedback";
            location?: string;
            /** @description Required unless the letter is anonymous */
            petitioner?: components["schemas"]["PersonDto"];
            /**
             * @description Local day the letter arrived (postmark or desk receipt); not after today, at most the policy’s days back
             * @example 2026-11-20
             */
            receivedOn?: string;
            /** Format: uuid */
            receivingUnitId: string;
            /** @description Group petitions (K16): 5–10 signatories → 1–2; more than 10 → at most 5 */
            representatives?: components["schemas"]["RepresentativeDto"][];
            /**
             * @description The decision complained about or referred to
             * @example 125/QĐ-UBND
             */
            respondentDecisionRef?: string;
            /** @example Đường thôn Đồng Mát ngập sau mưa */
            title: string;
            topic?: string;
        };
        DeadlineBadgeView: {
            /** Format: uuid */
            clockId: string;
            /** @enum {string} */
            clockKind: "processing" | "acceptance" | "resolution" | "notice" | "party_reply";
            /** @description Days of the clock's unit left, today included; null when overdue */
            daysLeft: number | null;
            /** @description Calendar days past the last day; null unless overdue */
            daysOverdue: number | null;
            /**
             * Format: date-time
             * @description Null while paused
             */
            dueAt: string | null;
            /**
             * @description Last day of the period, Vietnam local date (while paused: if resumed today)
             * @example 2026-12-23
             */
            dueOn: string;
            /**
             * @example {
             *       "vi": "Còn 3 ngày",
             *       "en": "3 days left"
             *     }
             */
            label: components["schemas"]["BilingualText"];
            /** @description Share of the period used, paused days not counted, in percent; above 100 when overdue */
            percentElapsed: number;
            /** @example K3 */
            rule: string;
            /**
             * @description half and late80 from when the 50 % and 80 % alerts are due
             * @enum {string}
             */
            state: "on_time" | "half" | "late80" | "overdue" | "paused";
            /** @enum {string} */
            unit: "calendar_days" | "working_days";
        };
        DigestItemDto: {
            /** @description Alerts about this subject in the digest’s day */
            alerts: number;
            /**
             * @description The clock at its latest alert: a share of the period used (see share), just past due, or still overdue (see reminder)
             * @enum {string}
             */
            clockState: "threshold" | "breached" | "overdue";
            /** Format: date-time */
            dueAt: string | null;
            message: components["schemas"]["BilingualText"];
            /**
             * Format: uuid
             * @description The latest of those alerts (a notification id)
             */
            notificationId: string;
            reminder: number | null;
            /** @example 80% */
            share: string | null;
            /**
             * Format: uuid
             * @description The id of the petition, commitment or dialogue to link to
             */
            subjectId: string;
            /** @enum {string} */
            subjectType: "petition" | "commitment" | "dialogue";
            title: string | null;
            /** @description Petitions only */
            trackingCode: string | null;
        };
        DigestResponse: {
            /** @description The latest digest notification; null when there was none yet */
            digest: components["schemas"]["NotificationViewDto"] | null;
            /** @description One per subject, soonest due first */
            items: components["schemas"]["DigestItemDto"][];
        };
        DirectoryUserDto: {
            active: boolean;
            /** @example Trần Thị Bình */
            fullName: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            role: "desk" | "head" | "handler" | "board" | "admin";
            roleLabel: components["schemas"]["BilingualText"];
            unit: components["schemas"]["UnitRef"];
        };
        DropBody: {
            /** @description Why it will not be done */
            reason: string;
        };
        EarlyEscalationDto: {
            /** @example 0.8 */
            atShare: number;
            /** @example 5 */
            groupSize: number;
        };
        EvidenceDto: {
            /** @description What was done */
            note: string;
            /** @description A document number, file id or link */
            reference?: string;
        };
        ExtendClockBody: {
            /**
             * @description The written extension decision
             * @example 15/QĐ-UBND
             */
            decisionRef?: string;
            /** @description Why the case needs more time (LTC Art 30: complex, particularly complex) */
            reason: string;
        };
        ExtensionRuleDto: {
            /** @example 30 */
            days: number;
            /** @example 2 */
            maxCount: number;
            /** @description The most extensions by the case’s recorded complexity (LTC Art 30) */
            maxCountByComplexity?: components["schemas"]["ExtensionsByComplexityDto"];
        };
        ExtensionsByComplexityDto: {
            /** @example 1 */
            complex?: number;
            /** @example 2 */
            particularly_complex?: number;
            /** @example 0 */
            standard?: number;
        };
        FeedbackDto: {
            /** @description Optional comment (at most 2,000 characters) */
            comment?: string;
            /** @description true: satisfied with the result; false: not satisfied */
            satisfied: boolean;
        };
        FeedbackLinkView: {
            /** Format: date-time */
            expiresAt: string;
            /** @enum {string} */
            status: "active" | "used";
            /** Format: date-time */
            usedAt: string | null;
        };
        FeedbackPageView: {
            canRate: boolean;
            ifNotSatisfied: components["schemas"]["IfNotSatisfiedView"];
            instructions: components["schemas"]["BilingualText"];
            link: components["schemas"]["FeedbackLinkView"];
            /** @description Public facts only: no personal data, no content */
            petition: components["schemas"]["FeedbackPetitionView"];
            rating: components["schemas"]["GivenRatingView"] | null;
        };
        FeedbackPetitionView: {
            /** @enum {string} */
            kind: "complaint" | "denunciation" | "recommendation" | "feedback";
            kindLabel: components["schemas"]["BilingualText"];
            /** Format: date-time */
            resolvedAt: string | null;
            /** @enum {string} */
            status: "received" | "accepted" | "rejected" | "transferred" | "guided" | "filed" | "assigned" | "verifying" | "decided" | "concluded" | "answered" | "reopened" | "closed" | "withdrawn";
            statusLabel: components["schemas"]["BilingualText"];
            trackingCode: string;
            /** @example /api/track/ABCD-EFGH-JKMN */
            trackingLink: string;
            unitName: string;
        };
        FeedbackResultView: {
            message: components["schemas"]["BilingualText"];
            /** @enum {string} */
            outcome: "recorded" | "reopened" | "second_complaint_right" | "lawsuit_right" | "re_denunciation_right";
            petition: components["schemas"]["FeedbackPetitionView"];
            remedy: components["schemas"]["RemedyResponse"] | null;
            reopened: boolean;
            satisfied: boolean;
        };
        FiguresView: {
            rated: number;
            satisfied: number;
            /** @description satisfied / rated; null when rated = 0 */
            satisfiedShare: number | null;
        };
        FileBody: {
            note?: string;
            /** @enum {string} */
            reason: "anonymous" | "impersonated" | "unsigned" | "duplicate" | "already_decided" | "other";
        };
        GivenRatingView: {
            /** @enum {string} */
            outcome: "recorded" | "reopened" | "second_complaint_right" | "lawsuit_right" | "re_denunciation_right";
            /** Format: date-time */
            ratedAt: string;
            satisfied: boolean;
        };
        GuideBody: {
            /** @description Where and how the citizen should file */
            guidance: string;
        };
        HoldBody: {
            /**
             * Format: date-time
             * @description When it took place, if recorded afterwards; default now
             */
            heldAt?: string;
            minutes: components["schemas"]["MinutesDto"];
        };
        HoldReceptionDayBody: {
            /** @description How many citizens came; defaults to the number of names given */
            attendeeCount?: number;
            /** @description Names of citizens who agreed to give them */
            attendeeNames?: string[];
            note?: string;
            /** @description Petitions taken (existing and in your jurisdiction; log new ones with POST /api/petitions, channel in_person) */
            petitionIds?: string[];
        };
        IfNotSatisfiedView: {
            message: components["schemas"]["BilingualText"];
            /** @enum {string} */
            outcome: "recorded" | "reopened" | "second_complaint_right" | "lawsuit_right" | "re_denunciation_right";
        };
        LinkPetitionsBody: {
            petitionIds: string[];
        };
        LinkReceptionPetitionsBody: {
            /** @description Petitions received that day, logged after it was recorded */
            petitionIds: string[];
        };
        LoginDto: {
            /** @example grassroots-demo */
            password: string;
            /** @example desk */
            username: string;
        };
        LoginResponseDto: {
            accessToken: string;
            expiresIn: number;
            user: components["schemas"]["UserDto"];
        };
        MarkAllReadResponse: {
            /** @description How many notifications were marked read */
            marked: number;
            /** @description Unread count afterwards (alerts still waiting for office hours are not counted) */
            unread: number;
        };
        MeetClockBody: {
            /**
             * @description The document that meets the clock (e.g. the T3 notices)
             * @example CV 123/UBND-TTr ngày 25/11/2026
             */
            reference: string;
        };
        MinutesDto: {
            attendees: components["schemas"]["AttendeesDto"];
            questions: components["schemas"]["QuestionDto"][];
            summary?: string;
        };
        NamedPresenceDto: {
            names?: string[];
            present: boolean;
        };
        NoteBody: {
            note?: string;
        };
        NotificationListResponse: {
            /** @description Newest first, at most 200 */
            items: components["schemas"]["NotificationViewDto"][];
            /** @description Unread notifications delivered so far (the bell) */
            unread: number;
        };
        NotificationViewDto: {
            /** Format: uuid */
            commitmentId: string | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description Shown from this instant (alerts raised out of office hours wait for the next working morning)
             */
            deliverAt: string;
            /** Format: uuid */
            dialogueId: string | null;
            /**
             * Format: date-time
             * @description For deadline alerts: when the threshold was due
             */
            dueAt: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description petition.assigned, petition.reopened_by_citizen, commitment.assigned, deadline.alert, deadline.digest
             * @example petition.assigned
             */
            kind: string;
            message: components["schemas"]["BilingualText"];
            /** Format: uuid */
            petitionId: string | null;
            /** Format: date-time */
            readAt: string | null;
        };
        OutsideBodyDto: {
            address: string;
            legalBasis: string;
            name: string;
            /** @enum {string} */
            verification: "verified" | "partial" | "unverified";
        };
        OutsideSecondInstanceDto: {
            bySector: components["schemas"]["OutsideSectorBodyDto"][];
            fallback: components["schemas"]["OutsideBodyDto"];
        };
        OutsideSectorBodyDto: {
            address: string;
            /**
             * @example [
             *       "đất đai"
             *     ]
             */
            keywords: string[];
            legalBasis: string;
            name: string;
            /** @enum {string} */
            verification: "verified" | "partial" | "unverified";
        };
        OverdueBoardItemView: {
            clock: components["schemas"]["OverdueClock"];
            /**
             * @description ISO 8601 duration past due (overdue only)
             * @example P2DT9H
             */
            lateBy: string | null;
            lateByMs: number | null;
            petition: components["schemas"]["OverduePetition"];
            /**
             * @description ISO 8601 duration left (near breach only)
             * @example PT15H
             */
            remaining: string | null;
            remainingMs: number | null;
            /** @description (now − start) / (due − start), calendar time */
            shareUsed: number;
            /** @enum {string} */
            state: "overdue" | "near_breach";
        };
        OverdueBoardView: {
            /** Format: date-time */
            asOf: string;
            definitions: components["schemas"]["OverdueDefinitions"];
            items: components["schemas"]["OverdueBoardItemView"][];
            nearShare: number;
            page: number;
            pageSize: number;
            total: number;
        };
        OverdueClock: {
            /** Format: date-time */
            dueAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "processing" | "acceptance" | "resolution" | "notice" | "party_reply";
            /** @example K3 */
            ruleId: string;
            /** Format: date-time */
            startedAt: string;
            /** @enum {string} */
            status: "running" | "breached";
        };
        OverdueCommitmentDialogue: {
            /** Format: date-time */
            heldAt: string | null;
            /** Format: uuid */
            id: string;
            kind: string;
        };
        OverdueCommitmentItemView: {
            /** Format: date-time */
            clockDueAt: string | null;
            daysOverdue: number;
            dialogue: components["schemas"]["OverdueCommitmentDialogue"];
            /** @example 2026-12-23 */
            dueDate: string;
            /** Format: uuid */
            id: string;
            ownerPerson: string | null;
            ownerUnit: components["schemas"]["UnitRef"];
            /** @enum {string} */
            status: "overdue" | "open" | "in_progress";
            title: string;
        };
        OverdueCommitmentsView: {
            /** Format: date-time */
            asOf: string;
            items: components["schemas"]["OverdueCommitmentItemView"][];
            page: number;
            pageSize: number;
            total: number;
        };
        OverdueDefinitions: {
            nearBreach: components["schemas"]["BilingualText"];
            order: components["schemas"]["BilingualText"];
            overdue: components["schemas"]["BilingualText"];
        };
        OverduePetition: {
            /** Format: uuid */
            assigneeId: string | null;
            escalationLevel: number;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "complaint" | "denunciation" | "recommendation" | "feedback";
            owningUnit: components["schemas"]["UnitRef"];
            status: string;
            title: string;
            trackingCode: string;
        };
        PauseClockBody: {
            note?: string;
            /**
             * @description Typed reason; each rule allows some (K14: suspension, ...)
             * @enum {string}
             */
            reason: "suspension" | "awaiting_citizen_documents" | "awaiting_other_agency" | "force_majeure";
        };
        PeriodVariantsDto: {
            /** @example 45 */
            complex?: number;
            remote?: number;
            remoteComplex?: number;
            /** @example 30 */
            standard: number;
        };
        PersonDto: {
            address?: string;
            email?: string;
            /** @example Nguyễn Văn An */
            fullName: string;
            /**
             * @description CCCD/ID number, 9 or 12 digits
             * @example 022090001234
             */
            idNumber?: string;
            /** @example 0912345678 */
            phone?: string;
        };
        PersonRef: {
            fullName: string;
            /** Format: uuid */
            id: string;
        };
        PetitionListItem: {
            anonymous: boolean;
            /** Format: uuid */
            assigneeId: string | null;
            /** @enum {string} */
            channel: "in_person" | "mail" | "hotline" | "online" | "dialogue" | "transferred_in";
            /** Format: date-time */
            closedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description The most urgent open clock: the running one due soonest, else a paused one */
            deadline: components["schemas"]["DeadlineBadgeView"] | null;
            escalationLevel: number;
            /** Format: uuid */
            id: string;
            identityWithheld: boolean;
            /** @enum {string} */
            kind: "complaint" | "denunciation" | "recommendation" | "feedback";
            kindLabel: components["schemas"]["BilingualText"];
            /** Format: uuid */
            owningUnitId: string;
            /** Format: uuid */
            parentPetitionId: string | null;
            /** @description Reception log only (receivedFrom or receivedTo given), else null; null also where you may not see who petitioned (identityWithheld), or for an anonymous letter */
            petitionerName: string | null;
            /**
             * @description Vietnam local day the letter arrived
             * @example 2026-11-20
             */
            receivedOn: string;
            /** Format: uuid */
            receivingUnitId: string;
            /** Format: date-time */
            resolvedAt: string | null;
            /** @enum {string} */
            status: "received" | "accepted" | "rejected" | "transferred" | "guided" | "filed" | "assigned" | "verifying" | "decided" | "concluded" | "answered" | "reopened" | "closed" | "withdrawn";
            statusLabel: components["schemas"]["BilingualText"];
            title: string;
            topic: string | null;
            /** @example K7DM-93XA-2FQP */
            trackingCode: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        PetitionListPageView: {
            items: components["schemas"]["PetitionListItem"][];
            page: number;
            pageSize: number;
            total: number;
        };
        PetitionReceiptDto: {
            anonymous: boolean;
            /** @example in_person */
            channel: string;
            channelLabel: components["schemas"]["BilingualText"];
            heading: components["schemas"]["BilingualText"];
            /** @example complaint */
            kind: string;
            kindLabel: components["schemas"]["BilingualText"];
            /** @description Running and paused clocks, soonest first */
            nextSteps: components["schemas"]["ReceiptNextStepDto"][];
            /** @description Said instead when no clock runs */
            noNextSteps: components["schemas"]["BilingualText"] | null;
            /** @description Null for an anonymous letter or when you may not see who petitioned */
            petitionerName: string | null;
            /** Format: uuid */
            petitionId: string;
            /**
             * @description Local day the letter arrived
             * @example 2026-11-23
             */
            receivedOn: string;
            receivedText: components["schemas"]["BilingualText"];
            receivingUnit: components["schemas"]["UnitRef"];
            title: string;
            /** @example K7DM-93XA-2FQP */
            trackingCode: string;
            trackingText: components["schemas"]["BilingualText"];
            /** @example https://tiepdan.example.gov.vn/track/K7DM-93XA-2FQP */
            trackingUrl: string;
        };
        PlanBody: {
            /** @description Topics; overdue commitments of the commune are added automatically (carriedOverCommitments) */
            agenda: string[];
            /**
             * Format: date-time
             * @example 2027-03-10T08:00:00+07:00
             */
            scheduledAt: string;
            /** @example Hội trường UBND phường */
            venue: string;
        };
        PlanReceptionDayDto: {
            /**
             * @description Vietnam local date (UTC+7); today or later
             * @example 2026-12-03
             */
            date: string;
            /**
             * Format: uuid
             * @description The head who receives citizens in person; must hold the position there on that date (see /api/reception-duties)
             */
            hostUserId: string;
            note?: string;
            /** @enum {string} */
            position: "commune_chair" | "commune_party_head" | "province_chair" | "province_party_head";
            /**
             * Format: uuid
             * @description The commune (commune positions) or province (provincial positions) the head receives citizens for
             */
            unitId: string;
            /** @example Trụ sở tiếp công dân phường */
            venue: string;
        };
        PublishDeadlinePolicyBody: {
            alertLadder: components["schemas"]["AlertStepDto"][];
            /** @description The complainant's periods (K1, K6, K10, K11); the built-in defaults when absent */
            complaintPeriods?: components["schemas"]["ComplaintPeriodsDto"];
            /** @example 7 */
            digestHour: number;
            earlyEscalation: components["schemas"]["EarlyEscalationDto"];
            /**
             * @description Local date, today or later; clocks started from then on use this version
             * @example 2026-12-01
             */
            effectiveFrom: string;
            /** @example Luật Khiếu nại 2011; Luật Tố cáo 2018; QĐ 06/2018 (Ninh Bình) */
            legalReference: string;
            /** @description Where complainants are guided when the second instance is outside the system */
            outsideSecondInstance?: components["schemas"]["OutsideSecondInstanceDto"];
            /**
             * @description How many days back a letter’s arrival day may be entered at intake
             * @example 30
             */
            receivedOnMaxDaysBack?: number;
            rules: components["schemas"]["ClockRuleDto"][];
            /** @description Clocks of commitments and dialogue results; the built-in defaults when absent */
            subjectClocks?: components["schemas"]["SubjectClocksDto"];
            workingHours: components["schemas"]["WorkingHoursDto"];
        };
        PublishDutyRuleDto: {
            /**
             * @description Today or later; ends the rule in force the day before
             * @example 2027-01-01
             */
            effectiveFrom: string;
            legalReference: string;
            /** @description Exactly one of minDaysPerMonth and minDaysPerWeek */
            minDaysPerMonth?: number;
            minDaysPerWeek?: number;
            note?: string;
            /** @enum {string} */
            position: "commune_chair" | "commune_party_head" | "province_chair" | "province_party_head";
            /**
             * @description DOMAIN.md row id
             * @example R1'
             */
            ruleId: string;
            /** @enum {string} */
            verification: "verified" | "partial" | "unverified";
        };
        PublishResultsBody: {
            /** @description G4: mass media, office board, hamlet heads */
            channels: ("notice_board" | "loudspeaker" | "mass_media" | "website" | "social_network" | "hamlet_heads" | "direct_notice")[];
            summary: string;
        };
        QuestionDto: {
            /** @description Who asked, if recorded */
            askedBy?: string;
            /**
             * @description Chosen by the recorder; unique within the minutes
             * @example q1
             */
            id: string;
            text: string;
        };
        QuestionOutcomeDto: {
            /** @description kind=answered */
            answer?: string;
            /**
             * @description kind=to_commitment; default: the commitment policy (30 days)
             * @example 2027-04-30
             */
            dueDate?: string;
            /**
             * @description answered; to_petition opens a petition (channel dialogue); to_commitment opens a commitment
             * @enum {string}
             */
            kind: "answered" | "to_petition" | "to_commitment";
            /** @description kind=to_commitment */
            ownerPerson?: string;
            /**
             * Format: uuid
             * @description kind=to_commitment
             */
            ownerUnitId?: string;
            /**
             * @description kind=to_petition
             * @enum {string}
             */
            petitionKind?: "complaint" | "denunciation" | "recommendation" | "feedback";
            /** @description kind=to_commitment */
            title?: string;
        };
        RateView: {
            /** @description Numerator */
            count: number;
            /** @description Denominator */
            n: number;
            /** @description count / n; null when n = 0 */
            value: number | null;
        };
        ReceiptNextStepDto: {
            /** Format: uuid */
            clockId: string;
            /** @example acceptance */
            clockKind: string;
            /** Format: date-time */
            dueAt: string | null;
            /**
             * @description Last local day; null while paused
             * @example 2026-12-03
             */
            dueOn: string | null;
            legalBasis: string;
            /** @example K2 */
            ruleId: string;
            /** @example running */
            status: string;
            /** @description The clock’s own summary, as on GET /petitions/:id/deadlines */
            summary: components["schemas"]["BilingualText"];
            /** @description The line printed on the slip */
            text: components["schemas"]["BilingualText"];
            /** @description What is to happen, in plain words */
            what: components["schemas"]["BilingualText"];
        };
        ReceptionComplianceDefinitions: {
            flagged: components["schemas"]["BilingualText"];
            held: components["schemas"]["BilingualText"];
            inProgress: components["schemas"]["BilingualText"];
            required: components["schemas"]["BilingualText"];
        };
        ReceptionComplianceDto: {
            /** Format: date-time */
            asOf: string;
            definitions: components["schemas"]["ReceptionComplianceDefinitions"];
            /** @example 2026-12 */
            month: string;
            rows: components["schemas"]["ReceptionComplianceRowDto"][];
            /** @example Asia/Ho_Chi_Minh */
            timeZone: string;
            totals: components["schemas"]["ReceptionComplianceTotals"];
        };
        ReceptionComplianceRowDto: {
            cancelled: number;
            /** @description status = short */
            flagged: boolean;
            held: number;
            heldDates: string[];
            host: components["schemas"]["PersonRef"];
            /** @example 2026-12 */
            month: string;
            planned: number;
            /** @enum {string} */
            position: "commune_chair" | "commune_party_head" | "province_chair" | "province_party_head";
            positionLabel: components["schemas"]["BilingualText"];
            required: number;
            rule: components["schemas"]["ReceptionDutyRuleDto"] | null;
            /** @description Weekly rules only: weeks of the duty that are over (or can no longer be met) and short */
            shortWeeks: components["schemas"]["ReceptionShortWeek"][];
            /**
             * @description in_progress: the month is not over and the requirement can still be met
             * @enum {string}
             */
            status: "met" | "short" | "in_progress" | "not_required";
            unit: components["schemas"]["UnitRef"];
        };
        ReceptionComplianceTotals: {
            flagged: number;
            heads: number;
            inProgress: number;
        };
        ReceptionDayDetailDto: {
            attendeeCount: number | null;
            /** @description Only for reception desks, heads and administrators; null for handlers and the board (DOMAIN.md §7) */
            attendeeNames: string[] | null;
            availableActions: ("hold" | "cancel" | "link-petitions")[];
            /** Format: date-time */
            cancelledAt: string | null;
            cancelReason: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @example 2026-12-03 */
            date: string;
            /** @description Append-only audit trail */
            events: components["schemas"]["ReceptionDayEventView"][];
            /** Format: date-time */
            heldRecordedAt: string | null;
            host: components["schemas"]["PersonRef"];
            /** Format: uuid */
            id: string;
            /** @description Legal reference of the duty rule in force on the date */
            legalBasis: string | null;
            note: string | null;
            petitions: components["schemas"]["ReceptionLinkedPetition"][];
            /** @enum {string} */
            position: "commune_chair" | "commune_party_head" | "province_chair" | "province_party_head";
            positionLabel: components["schemas"]["BilingualText"];
            /** @enum {string} */
            status: "planned" | "held" | "cancelled";
            statusLabel: components["schemas"]["BilingualText"];
            unit: components["schemas"]["UnitRef"];
            /** Format: date-time */
            updatedAt: string;
            venue: string;
            version: number;
        };
        ReceptionDayEventView: {
            /** Format: uuid */
            actorId: string | null;
            actorName: string | null;
            actorRole: string | null;
            /** Format: date-time */
            at: string;
            sequence: number;
            /** @enum {string} */
            type: "ReceptionDayPlanned" | "ReceptionDayHeld" | "ReceptionDayCancelled" | "ReceptionPetitionsLinked";
        };
        ReceptionDayPageDto: {
            items: components["schemas"]["ReceptionDayViewDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        ReceptionDayViewDto: {
            attendeeCount: number | null;
            /** @description Only for reception desks, heads and administrators; null for handlers and the board (DOMAIN.md §7) */
            attendeeNames: string[] | null;
            /** Format: date-time */
            cancelledAt: string | null;
            cancelReason: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @example 2026-12-03 */
            date: string;
            /** Format: date-time */
            heldRecordedAt: string | null;
            host: components["schemas"]["PersonRef"];
            /** Format: uuid */
            id: string;
            /** @description Legal reference of the duty rule in force on the date */
            legalBasis: string | null;
            note: string | null;
            petitions: components["schemas"]["ReceptionLinkedPetition"][];
            /** @enum {string} */
            position: "commune_chair" | "commune_party_head" | "province_chair" | "province_party_head";
            positionLabel: components["schemas"]["BilingualText"];
            /** @enum {string} */
            status: "planned" | "held" | "cancelled";
            statusLabel: components["schemas"]["BilingualText"];
            unit: components["schemas"]["UnitRef"];
            /** Format: date-time */
            updatedAt: string;
            venue: string;
            version: number;
        };
        ReceptionDutyRuleDto: {
            effectiveFrom: string;
            effectiveTo: string | null;
            legalReference: string;
            minDaysPerMonth: number | null;
            minDaysPerWeek: number | null;
            note: string | null;
            /** @enum {string} */
            position: "commune_chair" | "commune_party_head" | "province_chair" | "province_party_head";
            ruleId: string;
            /** @enum {string} */
            verification: "verified" | "partial" | "unverified";
        };
        ReceptionDutyViewDto: {
            effectiveFrom: string;
            effectiveTo: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            position: "commune_chair" | "commune_party_head" | "province_chair" | "province_party_head";
            positionLabel: components["schemas"]["BilingualText"];
            unit: components["schemas"]["UnitRef"];
            user: components["schemas"]["PersonRef"];
        };
        ReceptionLinkedPetition: {
            /** Format: uuid */
            id: string;
            kind: string;
            status: string;
            title: string;
            trackingCode: string;
        };
        ReceptionShortWeek: {
            from: string;
            held: number;
            to: string;
        };
        RecomputeBody: {
            /** @description true: report what would change, write nothing */
            dryRun: boolean;
            scope: components["schemas"]["RecomputeScopeDto"];
        };
        RecomputeScopeDto: {
            /** @example P1 */
            ruleId?: string;
            /**
             * Format: uuid
             * @description Petitions owned in this unit's subtree (a commune, or a whole province)
             */
            unitId?: string;
        };
        RejectBody: {
            /**
             * @description A typed LKN Art 11 ground: filing_time_limit_expired (K1)
             * @enum {string}
             */
            ground?: "filing_time_limit_expired";
            legalBasis?: string;
            /** @description Grounds for not accepting (LKN Art 11) */
            reason: string;
        };
        RemedyResponse: {
            /** @example 2026-11-23 */
            decidedOn: string | null;
            fileWith: components["schemas"]["BilingualText"] | null;
            /** @example 2026-12-23 */
            lastDay: string | null;
            legalBasis: string;
            remoteArea: boolean;
            /** @enum {string} */
            right: "second_complaint" | "lawsuit" | "re_denunciation";
            /** Format: date-time */
            until: string | null;
            /** @description Second-time complaint window in days (30; 45 in remote areas) */
            windowDays: number | null;
        };
        ReopenBody: {
            /** @description The citizen's reason for coming back */
            reason: string;
        };
        ReportPeriod: {
            /**
             * Format: date-time
             * @description Exclusive: 24:00 local time on the last day
             */
            endsAt: string;
            /** @example 2026-11-01 */
            from: string;
            /** Format: date-time */
            startsAt: string;
            /** @example Asia/Ho_Chi_Minh */
            timeZone: string;
            /** @example 2026-11-30 */
            to: string;
        };
        ReportVerificationBody: {
            /** @description Documents and evidence seen */
            documentsSeen?: string[];
            /** @description What the verification found */
            findings: string;
            /** @description People met during verification (names and roles, as the report records them) */
            peopleMet?: string[];
            /** @description The conclusion the handler proposes to the head */
            proposedConclusion: string;
        };
        RepresentativeDto: {
            /**
             * @description Must be one of the petitioner and co-petitioners
             * @example Nguyễn Văn An
             */
            fullName: string;
            /**
             * @description CCCD/ID number, 9 or 12 digits; decides which signatory is meant
             * @example 022090001234
             */
            idNumber?: string;
            /**
             * @description How the unit reaches the representative
             * @example 0912345678
             */
            phone?: string;
        };
        RequestDialogueDto: {
            /**
             * @description complaint_resolution only: first-time (K4) or second-time (K9) complaint
             * @enum {number}
             */
            complaintInstance?: 1 | 2;
            /** @enum {string} */
            kind: "commune_conference" | "party_head_direct" | "complaint_resolution" | "draft_decision_consultation";
            note?: string;
            /** @description Petitions the dialogue is about (required for complaint_resolution) */
            petitionIds?: string[];
            /** @description requestedBy=voters: the commune voter list size */
            registeredVoters?: number;
            /**
             * @description G1 plan, G2 voters (≥10%), the Fatherland Front, or necessity
             * @enum {string}
             */
            requestedBy: "voters" | "front" | "plan" | "necessity";
            /**
             * Format: uuid
             * @description The convening unit: a commune for a commune conference
             */
            unitId: string;
            /** @description requestedBy=voters: how many voters asked */
            voterCount?: number;
        };
        RequestSecondInstanceBody: {
            /**
             * @description How the citizen lodged it
             * @default in_person
             * @enum {string}
             */
            channel: "in_person" | "mail" | "hotline" | "online" | "dialogue";
            /** @description The citizen's grounds (disagreement with the decision, or no decision in time) */
            reason: string;
        };
        RescheduleBody: {
            reason: string;
            /** Format: date-time */
            scheduledAt: string;
            venue?: string;
        };
        ResolveBody: {
            /** @description The result as the citizen reads it on the public tracking page; no personal data */
            citizenSummary?: string;
            /** @example 125/QĐ-UBND */
            decisionNumber?: string;
            legalBasis?: string;
            /** @description The decision, conclusion or answer */
            summary: string;
        };
        ResolveQuestionBody: {
            outcome: components["schemas"]["QuestionOutcomeDto"];
            /** @example q1 */
            questionId: string;
        };
        ReturnToCommuneBody: {
            /**
             * Format: uuid
             * @description The competent commune (xã, phường, đặc khu) of the same province
             */
            communeId: string;
            /** @description Added to the transfer reason */
            note?: string;
        };
        SatisfactionBoardResponse: {
            /** @description period, rated, satisfied, satisfiedShare, unit, handler (vi, en) */
            definitions: {
                [key: string]: Record<string, never>;
            };
            handlers: components["schemas"]["SatisfactionHandlerRowView"][];
            period: components["schemas"]["ReportPeriod"];
            totals: components["schemas"]["FiguresView"];
            units: components["schemas"]["SatisfactionUnitRowView"][];
        };
        SatisfactionHandlerRowView: {
            /** @description null: resolved without an assignee */
            handler: components["schemas"]["PersonRef"] | null;
            rated: number;
            satisfied: number;
            /** @description satisfied / rated; null when rated = 0 */
            satisfiedShare: number | null;
            unit: components["schemas"]["UnitRef"];
        };
        SatisfactionUnitRef: {
            code: string;
            /** Format: uuid */
            id: string;
            level: string;
            name: string;
        };
        SatisfactionUnitRowView: {
            rated: number;
            satisfied: number;
            /** @description satisfied / rated; null when rated = 0 */
            satisfiedShare: number | null;
            unit: components["schemas"]["SatisfactionUnitRef"];
        };
        SetRemoteAreaBody: {
            remoteArea: boolean;
            /** @description The Government decision that lists the commune */
            remoteAreaRef?: string;
        };
        SetRepresentativesBody: {
            /** @description 5–10 signatories: 1–2 representatives; more than 10: 1–5 (NĐ 124/2020 Art 7) */
            representatives: components["schemas"]["RepresentativeDto"][];
        };
        StartVerificationBody: {
            note?: string;
        };
        StatsCountsView: {
            escalated: number;
            /** @description Grassroots resolution rate (tỷ lệ giải quyết tại cơ sở): see definitions */
            grassrootsRate: components["schemas"]["RateView"];
            onTimeRate: components["schemas"]["RateView"];
            overdueNow: number;
            received: number;
            resolved: number;
            resolvedLate: number;
            resolvedOnTime: number;
            transferredOut: number;
        };
        StatsRowView: {
            escalated: number;
            /** @description Grassroots resolution rate (tỷ lệ giải quyết tại cơ sở): see definitions */
            grassrootsRate: components["schemas"]["RateView"];
            onTimeRate: components["schemas"]["RateView"];
            overdueNow: number;
            received: number;
            resolved: number;
            resolvedLate: number;
            resolvedOnTime: number;
            transferredOut: number;
            unit: components["schemas"]["StatsUnitRef"];
        };
        StatsUnitRef: {
            code: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            level: "province" | "commune" | "department" | "hamlet";
            name: string;
        };
        StreamEndDto: {
            /**
             * @description token-expired: sign in again and reconnect; shutdown: reconnect (another instance answers)
             * @enum {string}
             */
            reason: "token-expired" | "account-inactive" | "shutdown";
        };
        SubjectClockRuleDto: {
            /**
             * @description The period; for a commitment, the default when the dialogue set no due date
             * @example 30
             */
            days: number;
            /** @example Theo dõi thực hiện cam kết sau đối thoại */
            legalBasis: string;
            /** @example CM */
            ruleId: string;
            /** @enum {string} */
            unit: "calendar_days" | "working_days";
            /** @enum {string} */
            verification: "verified" | "partial" | "unverified";
        };
        SubjectClocksDto: {
            /** @description Commitments made at dialogues (counted in calendar days to their due date) */
            commitment: components["schemas"]["SubjectClockRuleDto"];
            /** @description G4: publishing a commune conference's results */
            resultsPublication: components["schemas"]["SubjectClockRuleDto"];
        };
        TransferBody: {
            reason: string;
            /** @description An outside body, by name */
            toBodyName?: string;
            /**
             * Format: uuid
             * @description A unit in the system; a linked petition opens there
             */
            toUnitId?: string;
        };
        TransferCommitmentBody: {
            note?: string;
            /**
             * Format: uuid
             * @description An existing petition in your jurisdiction (or give petitionKind)
             */
            petitionId?: string;
            /**
             * @description Open a new petition (channel dialogue) at the convening unit in the same step
             * @enum {string}
             */
            petitionKind?: "complaint" | "denunciation" | "recommendation" | "feedback";
        };
        UnitRef: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        UnreadCountDto: {
            /** @example 3 */
            count: number;
        };
        UserDirectoryPageDto: {
            items: components["schemas"]["DirectoryUserDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        UserDto: {
            fullName: string;
            id: string;
            /** @enum {string} */
            role: "desk" | "head" | "handler" | "board" | "admin";
            unitId: string;
            unitName: string;
            username: string;
        };
        WithdrawBody: {
            reason?: string;
        };
        WorkingHoursDto: {
            /** @example 17 */
            endHour: number;
            /** @example 0 */
            endMinute: number;
            /** @example 7 */
            startHour: number;
            /** @example 30 */
            startMinute: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponseDto"];
                };
            };
            /** @description Too many attempts from this address, or the account is locked after repeated failures (Retry-After says when to retry) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
        };
    };
    HotSpotsController_list: {
        parameters: {
            query?: {
                /** @description Growth window: members that joined in the last N days */
                days?: number;
                /** @description Only the clusters flagged hot */
                hotOnly?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BoardController_list: {
        parameters: {
            query?: {
                /** @description Clock kind */
                clockKind?: "processing" | "acceptance" | "resolution" | "notice" | "party_reply";
                /** @description Petition kind */
                kind?: "complaint" | "denunciation" | "recommendation" | "feedback";
                /** @description Near breach from this share of the period used, (now − start) / (due − start) in calendar time */
                nearShare?: number;
                page?: number;
                pageSize?: number;
                state?: "overdue" | "near_breach";
                /** @description Owning unit, or a unit above it (a commune includes its departments); must be in your jurisdiction */
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverdueBoardView"];
                };
            };
        };
    };
    BoardController_commitments: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description Owner unit, or a unit above it; must be in your jurisdiction */
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverdueCommitmentsView"];
                };
            };
        };
    };
    ReceptionComplianceController_get: {
        parameters: {
            query: {
                /** @description Month, Vietnam local dates */
                month: string;
                /** @description One commune or province in your jurisdiction */
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceptionComplianceDto"];
                };
            };
        };
    };
    SatisfactionBoardController_figures: {
        parameters: {
            query: {
                /** @description First day, Vietnam local date (UTC+7), inclusive */
                from: string;
                /** @description Last day, Vietnam local date (UTC+7), inclusive */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SatisfactionBoardResponse"];
                };
            };
        };
    };
    BoardController_figures: {
        parameters: {
            query: {
                /** @description First day, Vietnam local date (UTC+7), inclusive */
                from: string;
                /** @description unit: the owning unit; commune: its commune (province-level units under the province) */
                groupBy?: "unit" | "commune";
                /** @description Last day, Vietnam local date (UTC+7), inclusive */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoardStatsView"];
                };
            };
        };
    };
    CalendarController_year: {
        parameters: {
            query: {
                includeWeekends?: boolean;
                year: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CalendarController_upsert: {
        parameters: {
            query?: {
                /** @description true: report the clocks that would move, write nothing */
                dryRun?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CalendarEntryBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CalendarController_remove: {
        parameters: {
            query?: {
                /** @description true: report the clocks that would move, write nothing */
                dryRun?: boolean;
            };
            header?: never;
            path: {
                date: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CalendarController_upsertFact: {
        parameters: {
            query?: {
                /** @description true: report the clocks that would move, write nothing */
                dryRun?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CalendarFactBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CalendarController_removeFact: {
        parameters: {
            query?: {
                /** @description true: report the clocks that would move, write nothing */
                dryRun?: boolean;
            };
            header?: never;
            path: {
                fact: string;
                year: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ClustersController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: "open" | "closed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ClustersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateClusterBody"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ClustersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ClustersController_close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseClusterBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ClustersController_add: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddClusterMembersBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ClustersController_remove: {
        parameters: {
            query?: {
                /** @description Why the petition leaves the cluster */
                reason?: string;
            };
            header?: never;
            path: {
                id: string;
                petitionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ClustersController_suggest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClusterDraftBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CommitmentsController_list: {
        parameters: {
            query?: {
                dialogueId?: string;
                /** @description true: marked overdue, or unfinished and past the due day */
                overdue?: boolean;
                ownerUnitId?: string;
                page?: number;
                pageSize?: number;
                status?: "open" | "in_progress" | "done" | "overdue" | "transferred" | "dropped";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CommitmentsController_createCommitment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body → the same resource (201 again, `Idempotent-Replayed: true`), never a second one */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCommitmentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CommitmentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CommitmentsController_perform: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version you last saw; a stale one gets 412 */
                "If-Match"?: string;
            };
            path: {
                action: "start" | "add-evidence" | "complete" | "transfer" | "drop";
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteBody"] | components["schemas"]["AddEvidenceBody"] | components["schemas"]["CompleteBody"] | components["schemas"]["TransferCommitmentBody"] | components["schemas"]["DropBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DeadlinePoliciesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DeadlinePoliciesController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishDeadlinePolicyBody"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DeadlinePoliciesController_recompute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                version: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecomputeBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DialoguesController_list: {
        parameters: {
            query?: {
                kind?: "commune_conference" | "party_head_direct" | "complaint_resolution" | "draft_decision_consultation";
                page?: number;
                pageSize?: number;
                /** @description Dialogues linked to this petition */
                petitionId?: string;
                status?: "requested" | "planned" | "announced" | "held" | "results_published" | "follow_up" | "closed" | "cancelled";
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DialoguesController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body → the same resource (201 again, `Idempotent-Replayed: true`), never a second one */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestDialogueDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DialoguesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DialoguesController_perform: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version you last saw; a stale one gets 412 */
                "If-Match"?: string;
            };
            path: {
                action: "plan" | "announce" | "reschedule" | "hold" | "publish-results" | "start-follow-up" | "close" | "cancel" | "link-petitions" | "resolve-question";
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanBody"] | components["schemas"]["AnnounceBody"] | components["schemas"]["RescheduleBody"] | components["schemas"]["HoldBody"] | components["schemas"]["PublishResultsBody"] | components["schemas"]["NoteBody"] | components["schemas"]["NoteBody"] | components["schemas"]["CancelBody"] | components["schemas"]["LinkPetitionsBody"] | components["schemas"]["ResolveQuestionBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FeedbackController_view: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The one-time token from the citizen message */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedbackPageView"];
                };
            };
            /** @description Unknown or malformed token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Expired, or superseded by a reopen or a new result */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FeedbackController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The one-time token from the citizen message */
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FeedbackDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedbackResultView"];
                };
            };
            /** @description Unknown or malformed token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The link was already used */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Expired, or superseded by a reopen or a new result */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationListResponse"];
                };
            };
        };
    };
    NotificationsController_markRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationsController_digest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DigestResponse"];
                };
            };
        };
    };
    NotificationsController_markAllRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkAllReadResponse"];
                };
            };
        };
    };
    NotificationsController_stream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream; each event’s data is one JSON object */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["UnreadCountDto"] | components["schemas"]["NotificationViewDto"] | components["schemas"]["StreamEndDto"];
                };
            };
        };
    };
    PetitionsController_list: {
        parameters: {
            query?: {
                assigneeId?: string;
                /** @description How the petition came in */
                channel?: "in_person" | "mail" | "hotline" | "online" | "dialogue" | "transferred_in";
                kind?: "complaint" | "denunciation" | "recommendation" | "feedback";
                /** @description true: only petitions not in a final state (rejected, transferred, guided, filed, withdrawn, closed) */
                open?: boolean;
                page?: number;
                pageSize?: number;
                /** @description Free text, diacritics-insensitive: title, topic, place, content; the tracking code with or without dashes; the petitioner's name, phone or ID number where you may see who petitioned */
                q?: string;
                /** @description Reception log: received on or after this day (Vietnam local date, inclusive) */
                receivedFrom?: string;
                /** @description Reception log: received on or before this day (Vietnam local date, inclusive) */
                receivedTo?: string;
                /** @description The inbox: mine = assigned to me; unit = owned by my unit */
                scope?: "mine" | "unit";
                /** @description created: newest first (default); received: by the day received, oldest first (default with receivedFrom, receivedTo or channel); time_left: the running clock due soonest first, petitions without one last */
                sort?: "created" | "received" | "time_left";
                status?: "received" | "accepted" | "rejected" | "transferred" | "guided" | "filed" | "assigned" | "verifying" | "decided" | "concluded" | "answered" | "reopened" | "closed" | "withdrawn";
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PetitionListPageView"];
                };
            };
        };
    };
    PetitionsController_createPetition: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body → the same resource (201 again, `Idempotent-Replayed: true`), never a second one */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePetitionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PetitionsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PetitionsController_perform: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version you last saw; a stale one gets 412 */
                "If-Match"?: string;
            };
            path: {
                action: "accept" | "reject" | "transfer" | "guide" | "file" | "assign" | "start-verification" | "report-verification" | "resolve" | "close" | "withdraw" | "reopen" | "request-second-instance";
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptBody"] | components["schemas"]["RejectBody"] | components["schemas"]["TransferBody"] | components["schemas"]["GuideBody"] | components["schemas"]["FileBody"] | components["schemas"]["AssignBody"] | components["schemas"]["StartVerificationBody"] | components["schemas"]["ReportVerificationBody"] | components["schemas"]["ResolveBody"] | components["schemas"]["CloseBody"] | components["schemas"]["WithdrawBody"] | components["schemas"]["ReopenBody"] | components["schemas"]["RequestSecondInstanceBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PetitionGroupingController_returnPetition: {
        parameters: {
            query?: never;
            header?: {
                /** @description The petition version you last saw; a stale one gets 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReturnToCommuneBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PetitionGroupingController_candidates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PetitionDeadlinesController_recordObstacle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ComplaintObstacleBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PetitionDeadlinesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PetitionDeadlinesController_extend: {
        parameters: {
            query?: never;
            header?: {
                /** @description The petition version you last saw; a stale one gets 412 */
                "If-Match"?: string;
            };
            path: {
                clockId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtendClockBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PetitionDeadlinesController_met: {
        parameters: {
            query?: never;
            header?: {
                /** @description The petition version you last saw; a stale one gets 412 */
                "If-Match"?: string;
            };
            path: {
                clockId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MeetClockBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PetitionDeadlinesController_pause: {
        parameters: {
            query?: never;
            header?: {
                /** @description The petition version you last saw; a stale one gets 412 */
                "If-Match"?: string;
            };
            path: {
                clockId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PauseClockBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PetitionDeadlinesController_resume: {
        parameters: {
            query?: never;
            header?: {
                /** @description The petition version you last saw; a stale one gets 412 */
                "If-Match"?: string;
            };
            path: {
                clockId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PetitionDeadlinesController_setFlags: {
        parameters: {
            query?: never;
            header?: {
                /** @description The petition version you last saw; a stale one gets 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseFlagsBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PetitionsController_receipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PetitionReceiptDto"];
                };
            };
        };
    };
    PetitionGroupingController_getRelated: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PetitionGroupingController_setRepresentatives: {
        parameters: {
            query?: never;
            header?: {
                /** @description The petition version you last saw; a stale one gets 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetRepresentativesBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReceptionDaysController_list: {
        parameters: {
            query?: {
                hostUserId?: string;
                /** @description Days whose Vietnam local date is in this month */
                month?: string;
                page?: number;
                pageSize?: number;
                status?: "planned" | "held" | "cancelled";
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceptionDayPageDto"];
                };
            };
        };
    };
    ReceptionDaysController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanReceptionDayDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceptionDayDetailDto"];
                };
            };
        };
    };
    ReceptionDaysController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceptionDayDetailDto"];
                };
            };
        };
    };
    ReceptionDaysController_perform: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version you last saw; a stale one gets 412 */
                "If-Match"?: string;
            };
            path: {
                action: "hold" | "cancel" | "link-petitions";
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HoldReceptionDayBody"] | components["schemas"]["CancelReceptionDayBody"] | components["schemas"]["LinkReceptionPetitionsBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceptionDayDetailDto"];
                };
            };
        };
    };
    ReceptionDutiesController_list: {
        parameters: {
            query?: {
                position?: "commune_chair" | "commune_party_head" | "province_chair" | "province_party_head";
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceptionDutyViewDto"][];
                };
            };
        };
    };
    ReceptionDutiesController_assign: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignReceptionDutyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceptionDutyViewDto"];
                };
            };
        };
    };
    ReceptionDutyRulesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceptionDutyRuleDto"][];
                };
            };
        };
    };
    ReceptionDutyRulesController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishDutyRuleDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceptionDutyRuleDto"][];
                };
            };
        };
    };
    TrackingController_track: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                trackingCode: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UnitsController_list: {
        parameters: {
            query?: {
                level?: "province" | "commune" | "department" | "hamlet";
                page?: number;
                pageSize?: number;
                parentId?: string;
                provinceId?: string;
                /** @description Name, diacritics-insensitive */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UnitsController_setRemoteArea: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetRemoteAreaBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                /** @description true: active accounts only; false: deactivated only; absent: both */
                active?: boolean;
                page?: number;
                pageSize?: number;
                /** @description Part of the full name; diacritics-insensitive */
                q?: string;
                role?: "desk" | "head" | "handler" | "board" | "admin";
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDirectoryPageDto"];
                };
            };
        };
    };
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
