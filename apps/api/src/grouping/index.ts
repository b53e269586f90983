import type { Type } from '@nestjs/common';

/** Controllers for group petitions, clusters, repeats and over-level petitions; registered by ApiModule. */
export const GROUPING_CONTROLLERS: Type[] = [];
