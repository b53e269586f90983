import { type Clock, complexityOf } from '@app/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentUser } from '../auth/current-user.js';
import { visiblePetition } from '../petitions/visible-petition.js';
import { CLOCK } from '../shared/clock.provider.js';
import { type ClockView, loadClockViews } from './clock-views.js';

/** A petition's statutory clocks, with the case flags that choose their periods. */
export interface PetitionDeadlinesView {
  readonly petitionId: string;
  readonly trackingCode: string;
  /** The petition's version: send it back as If-Match on the deadline acts. */
  readonly version: number;
  readonly flags: { readonly complex: boolean; readonly particularlyComplex: boolean; readonly prolonged: boolean };
  readonly clocks: ClockView[];
}

@Injectable()
export class DeadlineQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async forPetition(user: CurrentUser, petitionId: string): Promise<PetitionDeadlinesView> {
    const em = this.dataSource.manager;
    const { row } = await visiblePetition(em, user, petitionId);
    return {
      petitionId: row.id,
      trackingCode: row.trackingCode,
      version: row.version,
      flags: { complex: row.complex, particularlyComplex: row.particularlyComplex, prolonged: row.prolonged },
      clocks: await loadClockViews(em, row.id, this.clock.now(), complexityOf(row)),
    };
  }
}
