/**
 * The player's query options: `?autoplay=1`, `?theme=dark|light` (otherwise the reader's system
 * preference) and `?origin=<origin>`, the page that frames the player, set by the <pod-journey>
 * element so commands are accepted from that origin only and events are posted to it only.
 */
import type { ThemePref } from '@ui';

export interface EmbedOptions {
  autoplay: boolean;
  theme: ThemePref;
  /** The framing page's origin (`https://blog.example`), when the URL names a valid one. */
  origin?: string;
}

/** An http(s) origin exactly as `URL.origin` writes it; anything else (paths, `null`, javascript:) is none. */
function originOf(raw: string | null): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return /^https?:$/.test(url.protocol) && url.origin === raw ? raw : undefined;
  } catch {
    return undefined;
  }
}

export function embedOptions(search: string): EmbedOptions {
  const q = new URLSearchParams(search);
  const theme = q.get('theme');
  return {
    autoplay: q.get('autoplay') === '1',
    theme: theme === 'dark' || theme === 'light' ? theme : 'system',
    origin: originOf(q.get('origin')),
  };
}
