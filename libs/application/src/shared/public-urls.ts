/** Injection token for the configured base of the citizens' public pages (PUBLIC_BASE_URL, no trailing slash). */
export const PUBLIC_BASE_URL = Symbol('PUBLIC_BASE_URL');

/** The citizen's tracking page for a code: what the receipt prints and its QR code holds. */
export function publicTrackingUrl(baseUrl: string, trackingCode: string): string {
  return `${baseUrl}/track/${encodeURIComponent(trackingCode)}`;
}
