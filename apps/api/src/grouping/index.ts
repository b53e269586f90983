import type { Type } from '@nestjs/common';
import { ClustersController, PetitionGroupingController } from './grouping.controller.js';
import { HotSpotsController } from './hot-spots.controller.js';

/** Controllers for group petitions, clusters, repeats and over-level petitions; registered by ApiModule. */
export const GROUPING_CONTROLLERS: Type[] = [PetitionGroupingController, ClustersController, HotSpotsController];
