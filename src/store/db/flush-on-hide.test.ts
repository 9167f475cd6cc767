import { describe, expect, it } from 'vitest';
import { installFlushOnHide, type PageEvents } from './flush-on-hide';

describe('installFlushOnHide', () => {
  it('posts flush-recording on pagehide and when the page turns hidden, until removed', () => {
    const listeners = new Map<string, () => void>();
    const page: PageEvents = {
      addEventListener: (type, listener) => listeners.set(type, listener),
      removeEventListener: (type) => listeners.delete(type),
    };
    let hidden = false;
    const posted: string[] = [];
    const remove = installFlushOnHide({ post: (m) => posted.push(m.type) }, page, () => hidden);
    listeners.get('visibilitychange')!(); // visible again: nothing to do
    hidden = true;
    listeners.get('visibilitychange')!();
    listeners.get('pagehide')!();
    expect(posted).toEqual(['flush-recording', 'flush-recording']);
    remove();
    expect(listeners.size).toBe(0);
  });
});
