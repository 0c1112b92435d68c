const KEY = 'attend.token';

let token: string | null = null;

/**
 * The browser host's per-launch token. Read once from ?token= and then removed
 * from the address bar (so it does not sit in history or screenshots); kept in
 * memory, and in this tab's sessionStorage so a reload still works.
 */
export function apiToken(): string | null {
  if (token !== null) return token;
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    token = fromUrl;
    sessionStorage.setItem(KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  } else {
    token = sessionStorage.getItem(KEY);
  }
  return token;
}
