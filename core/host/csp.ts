/**
 * The one Content-Security-Policy of the app, used by the browser host, the
 * Electron session and (minus frame-ancestors) the meta tag of renderer/index.html.
 * Everything starts from 'none' so nothing remote can ever load.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['font-src', "'self'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** The policy as a header value. */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');

/** The policy for a <meta> tag: browsers ignore frame-ancestors there, so it is left out. */
export const CONTENT_SECURITY_POLICY_META = CSP_DIRECTIVES.filter(([k]) => k !== 'frame-ancestors')
  .map(([k, v]) => `${k} ${v}`)
  .join('; ');
