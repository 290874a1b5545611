import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createReplyBatch } from './reply-batch.js';

/** A response that records what ended it into `ended`; `fail` makes its end throw. */
const response = (name: string, ended: string[], options: { destroyed?: boolean; fail?: boolean } = {}) => {
  const res = {
    destroyed: options.destroyed ?? false,
    end: (body?: string) => {
      if (options.fail) throw new Error('write failed');
      ended.push(`${name}:${body}`);
    },
    destroy: () => {
      res.destroyed = true;
      ended.push(`${name} destroyed`);
    },
  };
  return res as unknown as ServerResponse;
};

const turnEnd = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('createReplyBatch', () => {
  it('holds the replies of a turn and ends them in order once the turn is over', async () => {
    const ended: string[] = [];
    const batch = createReplyBatch(64);
    batch.end(response('a', ended), '1');
    batch.end(response('b', ended), '2');
    await Promise.resolve();
    expect(ended).toEqual([]);
    await turnEnd();
    expect(ended).toEqual(['a:1', 'b:2']);
    // A later turn is batched again.
    batch.end(response('c', ended), '3');
    expect(ended).toHaveLength(2);
    await turnEnd();
    expect(ended).toEqual(['a:1', 'b:2', 'c:3']);
  });

  it('holds at most max replies: the next one writes them all with it', async () => {
    const ended: string[] = [];
    const batch = createReplyBatch(2);
    batch.end(response('a', ended), '1');
    batch.end(response('b', ended), '2');
    expect(ended).toEqual([]);
    batch.end(response('c', ended), '3');
    expect(ended).toEqual(['a:1', 'b:2', 'c:3']);
    batch.end(response('d', ended), '4');
    expect(ended).toHaveLength(3);
    await turnEnd();
    expect(ended).toEqual(['a:1', 'b:2', 'c:3', 'd:4']);
  });

  it.each([0, -1, Number.NaN])('ends each reply at once when max is %s', (max) => {
    const ended: string[] = [];
    createReplyBatch(max).end(response('a', ended), '1');
    expect(ended).toEqual(['a:1']);
  });

  it('skips a reply whose client left, and a failing write loses only its own reply', async () => {
    const ended: string[] = [];
    const batch = createReplyBatch(64);
    batch.end(response('gone', ended, { destroyed: true }), '1');
    batch.end(response('broken', ended, { fail: true }), '2');
    batch.end(response('fine', ended), '3');
    await turnEnd();
    expect(ended).toEqual(['broken destroyed', 'fine:3']);
  });
});
