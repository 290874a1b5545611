import { createServer, type Server, tool } from '@mcpkit/core';
import * as v from 'valibot';

/**
 * A notes server whose tools depend on who calls: every caller has `whoami`,
 * `notes:read` adds `list_notes`, `notes:write` adds `add_note`, and admins
 * (scope `notes:admin`, or a `role: "admin"` claim) get `all_notes`. Notes
 * are kept per subject, in this server's closure.
 */
export const createNotesServer = (): Server => {
  const notes = new Map<string, string[]>();
  const mine = (subject: string | undefined) => notes.get(subject ?? 'anonymous') ?? [];

  return createServer(
    { name: 'notes', version: '1.0.0', instructions: 'Personal notes. What you can do depends on your token.' },
    [
      tool({
        name: 'whoami',
        description: 'Who the server thinks you are',
        run: (_args, ctx) => ({
          subject: ctx.auth?.subject,
          clientId: ctx.auth?.clientId,
          scopes: ctx.auth?.scopes ?? [],
        }),
      }),
      tool({
        name: 'list_notes',
        description: 'Your notes',
        requires: { scopes: ['notes:read'] },
        run: (_args, ctx) => mine(ctx.auth?.subject),
      }),
      tool({
        name: 'add_note',
        description: 'Adds a note',
        requires: { scopes: ['notes:write'] },
        input: v.object({ text: v.pipe(v.string(), v.minLength(1)) }),
        run: ({ text }, ctx) => {
          const key = ctx.auth?.subject ?? 'anonymous';
          notes.set(key, [...mine(key), text]);
          return `saved (${mine(key).length} notes)`;
        },
      }),
      tool({
        name: 'all_notes',
        description: "Everyone's notes (admins only)",
        canAccess: (auth) => auth?.scopes.includes('notes:admin') === true || auth?.claims.role === 'admin',
        run: () => Object.fromEntries(notes),
      }),
    ],
  );
};
