/** The custom scheme the window's pages are served on (see app-protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'attend';
/** The one origin whose pages may use the bridge. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window loads. */
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** True when a URL belongs to the app's own pages (app://attend/...). */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '' && u.port === '';
  } catch {
    return false;
  }
}
