/** Lawful obstacles whose days are not counted in the complainant's periods (LKN Art 9, Art 33). */
export const COMPLAINT_OBSTACLE_REASONS = ['illness', 'natural_disaster', 'war', 'distant_work_or_study', 'other_objective_obstacle'] as const;
export type ComplaintObstacleReason = (typeof COMPLAINT_OBSTACLE_REASONS)[number];
