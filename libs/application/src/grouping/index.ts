import type { Provider } from '@nestjs/common';
import { ClusterCommandsUseCase, ClusterQueries } from './clusters.use-case.js';
import { ClusterSuggestionsUseCase, HotSpotsUseCase, PetitionGroupingQueries } from './grouping-queries.js';
import { SetRepresentativesUseCase } from './representatives.use-case.js';
import { ReturnToCommuneUseCase } from './return-to-commune.use-case.js';

export * from './clusters.use-case.js';
export * from './grouping-queries.js';
export * from './representatives.use-case.js';
export * from './return-to-commune.use-case.js';
export { recordIntakeGrouping, type IntakeGroupingInput } from './intake-grouping.js';

/** Use cases for group petitions, clusters, repeats and over-level petitions; registered and exported by ApplicationModule. */
export const GROUPING_USE_CASES: Provider[] = [
  SetRepresentativesUseCase,
  ClusterCommandsUseCase,
  ClusterQueries,
  ClusterSuggestionsUseCase,
  PetitionGroupingQueries,
  HotSpotsUseCase,
  ReturnToCommuneUseCase,
];
