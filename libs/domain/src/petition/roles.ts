/**
 * Staff roles (DOMAIN.md §6, simplified for the first release):
 * desk = reception; head = competent resolver / department head; handler = works assigned cases;
 * board = mass-mobilization board, read-only across its jurisdiction; admin = system administration.
 */
export const ROLES = ['desk', 'head', 'handler', 'board', 'admin'] as const;
export type Role = (typeof ROLES)[number];
