/**
 * The Content-Security-Policy for every page Heard shows, in Electron and from the web host alike.
 * No inline script or style, no eval, no connections off this origin: respondents' free text is untrusted,
 * and personal data must not leave the machine.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
