import { ApiProperty } from '@nestjs/swagger';

// Response shapes shared by several routes, for the OpenAPI document.

export class BilingualText {
  @ApiProperty() vi: string;
  @ApiProperty() en: string;
}

export class UnitRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class PersonRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
}

/** A reporting period of Vietnam local dates. */
export class ReportPeriod {
  @ApiProperty({ example: '2026-11-01' }) from: string;
  @ApiProperty({ example: '2026-11-30' }) to: string;
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh' }) timeZone: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive: 24:00 local time on the last day' }) endsAt: string;
}
