/**
 * Uploads allowed per token in a sliding minute, counted in this process's memory: a restart
 * forgets them, and several server processes count apart (decision 015).
 */
export class RateLimiter {
  private readonly recent = new Map<string, number[]>();

  constructor(private readonly perMinute: number) {}

  /** Seconds to wait before the next upload, or 0 when this one may go ahead (and is counted). */
  take(key: string, now = Date.now()): number {
    const window = (this.recent.get(key) ?? []).filter((t) => now - t < 60_000);
    if (window.length >= this.perMinute) {
      this.recent.set(key, window);
      return Math.ceil((window[0]! + 60_000 - now) / 1000);
    }
    window.push(now);
    this.recent.set(key, window);
    return 0;
  }
}
