import { type ElicitOutcome, isInputRequired, ToolError, tool } from '@mcpkit/core';
import * as v from 'valibot';
import { DEFAULTS_SCHEMA, ENUMS_SCHEMA, USER_INFO_SCHEMA } from './elicitation-schemas.js';

/** Tools that ask the client for something: a sampled completion or the user's input. */

// A client without the capability (or one that fails) becomes a tool error the model can read.
/**
 * A failed client request as a tool error. A request for input is not a
 * failure: on a 2026-07-28 request `ctx.elicit()` and `ctx.sample()` replay by
 * ending the round with one, and it must travel on.
 */
const asToolError = (what: string, error: unknown): unknown =>
  isInputRequired(error)
    ? error
    : new ToolError(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);

const describe = (outcome: ElicitOutcome<unknown>): string =>
  `action=${outcome.action}, content=${JSON.stringify('content' in outcome ? outcome.content : {})}`;

/** `tools-call-sampling`: asks the client's model and echoes its answer. */
export const sampling = tool({
  name: 'test_sampling',
  description: 'Asks the client to sample an LLM completion for the prompt',
  input: v.object({ prompt: v.pipe(v.string(), v.description('The prompt to send to the LLM')) }),
  run: async ({ prompt }, ctx) => {
    try {
      const result = await ctx.sample({ messages: prompt, maxTokens: 100 });
      const blocks = Array.isArray(result.content) ? result.content : [result.content];
      const answer = blocks.map((block) => (block.type === 'text' ? block.text : `[${block.type}]`)).join('\n');
      return `LLM response: ${answer}`;
    } catch (error) {
      throw asToolError('Sampling', error);
    }
  },
});

/** `tools-call-elicitation`: asks the user for a username and an email. */
export const elicitation = tool({
  name: 'test_elicitation',
  description: 'Asks the user (through the client) for a username and an email',
  input: v.object({ message: v.pipe(v.string(), v.description('The message to show the user')) }),
  run: async ({ message }, ctx) => {
    try {
      const outcome = await ctx.elicit({ message, requestedSchema: USER_INFO_SCHEMA });
      return `User response: ${describe(outcome)}`;
    } catch (error) {
      throw asToolError('Elicitation', error);
    }
  },
});

/** `elicitation-sep1034-defaults`: a form whose fields all carry defaults. */
export const elicitationDefaults = tool({
  name: 'test_elicitation_sep1034_defaults',
  description: 'Elicits a form with default values for every primitive type (SEP-1034)',
  run: async (_args, ctx) => {
    try {
      const outcome = await ctx.elicit({ message: 'Please review your profile', requestedSchema: DEFAULTS_SCHEMA });
      return `Elicitation completed: ${describe(outcome)}`;
    } catch (error) {
      throw asToolError('Elicitation', error);
    }
  },
});

/** `elicitation-sep1330-enums`: a form with every enum shape. */
export const elicitationEnums = tool({
  name: 'test_elicitation_sep1330_enums',
  description: 'Elicits a form with all five enum schema variants (SEP-1330)',
  run: async (_args, ctx) => {
    try {
      const outcome = await ctx.elicit({ message: 'Please pick some options', requestedSchema: ENUMS_SCHEMA });
      return `Elicitation completed: ${describe(outcome)}`;
    } catch (error) {
      throw asToolError('Elicitation', error);
    }
  },
});
