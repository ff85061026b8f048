import { cacheLimits } from './limits.js';

/**
 * A cache of per-paragraph results that keeps what recent lints used, in two generations: hits
 * in the current generation cost one lookup (no re-insertion on every keystroke, as a strict LRU
 * needs), hits in the previous one are promoted, and when the current generation is full the
 * previous one is dropped whole. Roughly the `cacheLimits.paragraphs` most recently used entries
 * stay, at most twice that many.
 */
export class ParagraphCache<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();

  get(key: string): V | undefined {
    const hit = this.current.get(key);
    if (hit !== undefined) return hit;
    const old = this.previous.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: string, value: V): void {
    if (this.current.size >= cacheLimits.paragraphs) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }

  get size(): number { return this.current.size + this.previous.size; }

  clear(): void {
    this.current.clear();
    this.previous.clear();
  }
}
