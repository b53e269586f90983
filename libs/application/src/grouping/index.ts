import type { Provider } from '@nestjs/common';

/** Use cases for group petitions, clusters, repeats and over-level petitions; registered and exported by ApplicationModule. */
export const GROUPING_USE_CASES: Provider[] = [];
