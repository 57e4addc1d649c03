/**
 * The server's write token. `rasd serve` prints the app's address with `#token=…`: read once from the fragment,
 * kept in localStorage, and taken off the address (so it is not bookmarked or shared with a link).
 */
const KEY = 'rasd.token';

export function adoptTokenFromAddress(): void {
  const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!m) return;
  localStorage.setItem(KEY, decodeURIComponent(m[1]));
  history.replaceState(history.state, '', location.pathname + location.search);
}

export const writeToken = (): string | null => localStorage.getItem(KEY);

export function setWriteToken(token: string): void {
  localStorage.setItem(KEY, token.trim());
}
