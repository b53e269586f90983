import { ApiProperty } from '@nestjs/swagger';
import { BilingualText, UnitRef } from '../http/response-shapes.js';

export class ReceiptNextStepDto {
  @ApiProperty({ format: 'uuid' }) clockId: string;
  @ApiProperty({ example: 'K2' }) ruleId: string;
  @ApiProperty({ example: 'acceptance' }) clockKind: string;
  @ApiProperty({ type: BilingualText, description: 'What is to happen, in plain words' }) what: BilingualText;
  @ApiProperty() legalBasis: string;
  @ApiProperty({ example: 'running' }) status: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dueAt: string | null;
  @ApiProperty({ example: '2026-12-03', nullable: true, type: String, description: 'Last local day; null while paused' }) dueOn: string | null;
  @ApiProperty({ type: BilingualText, description: 'The clock’s own summary, as on GET /petitions/:id/deadlines' }) summary: BilingualText;
  @ApiProperty({ type: BilingualText, description: 'The line printed on the slip' }) text: BilingualText;
}

export class PetitionReceiptDto {
  @ApiProperty({ format: 'uuid' }) petitionId: string;
  @ApiProperty({ example: 'K7DM-93XA-2FQP' }) trackingCode: string;
  @ApiProperty({ example: 'https://tiepdan.example.gov.vn/track/K7DM-93XA-2FQP' }) trackingUrl: string;
  @ApiProperty({ example: 'complaint' }) kind: string;
  @ApiProperty({ type: BilingualText }) kindLabel: BilingualText;
  @ApiProperty({ example: 'in_person' }) channel: string;
  @ApiProperty({ type: BilingualText }) channelLabel: BilingualText;
  @ApiProperty() title: string;
  @ApiProperty({ type: UnitRef }) receivingUnit: UnitRef;
  @ApiProperty({ example: '2026-11-23', description: 'Local day the letter arrived' }) receivedOn: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null for an anonymous letter or when you may not see who petitioned' })
  petitionerName: string | null;
  @ApiProperty() anonymous: boolean;
  @ApiProperty({ type: BilingualText }) heading: BilingualText;
  @ApiProperty({ type: BilingualText }) receivedText: BilingualText;
  @ApiProperty({ type: BilingualText }) trackingText: BilingualText;
  @ApiProperty({ type: [ReceiptNextStepDto], description: 'Running and paused clocks, soonest first' }) nextSteps: ReceiptNextStepDto[];
  @ApiProperty({ type: BilingualText, nullable: true, description: 'Said instead when no clock runs' }) noNextSteps: BilingualText | null;
}
