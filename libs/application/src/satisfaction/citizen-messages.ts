import { type Message, type MessageKey, type MessageParam, renderMessage } from '@app/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FEEDBACK_LINK_KEY, feedbackPath, feedbackTokenFor } from './satisfaction-tokens.js';

/** An outgoing citizen message as the delivery gateway sends it: the text rendered now, link included. */
export interface RenderedCitizenMessage {
  readonly id: string;
  readonly petitionId: string;
  readonly channel: 'sms' | 'email' | 'post';
  readonly address: string | null;
  readonly messageKey: MessageKey;
  readonly body: Message;
  readonly createdAt: Date;
  readonly sentAt: Date | null;
}

interface MessageRow {
  id: string;
  petition_id: string;
  channel: 'sms' | 'email' | 'post';
  address: string | null;
  message_key: MessageKey;
  params: Record<string, MessageParam>;
  token_id: string | null;
  created_at: Date;
  sent_at: Date | null;
}

/**
 * Outgoing messages to citizens, rendered at delivery. The database keeps a message's key, its params and, for
 * a feedback link, the token row id; the link is derived from that id with the server key here, and only here,
 * so it never lands in a table, an event or the outbox. The (future) delivery gateway and the tests read
 * messages through `render`.
 */
@Injectable()
export class CitizenMessages {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(FEEDBACK_LINK_KEY) private readonly linkKey: Buffer,
  ) {}

  /** The citizen's link for a token row: `/api/feedback/<token>` (relative; the gateway adds the public base URL). */
  feedbackLinkFor(tokenId: string): string {
    return feedbackPath(feedbackTokenFor(this.linkKey, tokenId));
  }

  /** One message, rendered for sending; null if there is no such message. */
  async render(messageId: string): Promise<RenderedCitizenMessage | null> {
    const rows: MessageRow[] = await this.dataSource.manager.query(
      `SELECT id, petition_id, channel, address, message_key, params, token_id, created_at, sent_at FROM citizen_messages WHERE id = $1`,
      [messageId],
    );
    const row = rows[0];
    if (row === undefined) return null;
    const params = row.token_id === null ? row.params : { ...row.params, link: this.feedbackLinkFor(row.token_id) };
    return {
      id: row.id,
      petitionId: row.petition_id,
      channel: row.channel,
      address: row.address,
      messageKey: row.message_key,
      body: renderMessage(row.message_key, params),
      createdAt: row.created_at,
      sentAt: row.sent_at,
    };
  }
}
