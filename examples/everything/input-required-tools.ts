/**
 * The 2026-07-28 multi round-trip fixtures (`test_input_required_result_*`):
 * handlers that ask the client for input with `inputRequired()` and finish
 * when re-entered with `ctx.input`. The same handlers serve a 2025 session,
 * where the runtime asks the client itself.
 */
import { ask, type Context, inputRequired, prompt, tool } from '@mcpkit/core';
import * as v from 'valibot';

/** The answer under `key` when the client accepted an elicitation, else undefined. */
const accepted = (ctx: Context, key: string): Record<string, unknown> | undefined => {
  const answer = ctx.input?.responses[key];
  return answer?.action === 'accept' ? (answer.content as Record<string, unknown>) : undefined;
};

/** The first text of a sampling answer. */
const sampledText = (answer: Readonly<Record<string, unknown>> | undefined): string | undefined => {
  const content = answer?.content as { type?: string; text?: string } | undefined;
  return content?.type === 'text' ? content.text : undefined;
};

const askName = (message: string) => ask.elicit({ message, schema: v.object({ name: v.string() }) });

export const inputRequiredElicitation = tool({
  name: 'test_input_required_result_elicitation',
  description: 'Asks for the user’s name (an elicitation input request), then greets them',
  run: (_args, ctx) => {
    const answer = accepted(ctx, 'user_name');
    if (!answer) return inputRequired({ requests: { user_name: askName('What is your name?') } });
    return `Hello, ${answer.name}!`;
  },
});

export const inputRequiredSampling = tool({
  name: 'test_input_required_result_sampling',
  description: 'Asks the client’s model a question (a sampling input request), then returns its answer',
  run: (_args, ctx) => {
    const answer = ctx.input?.responses.capital_question;
    if (!answer)
      return inputRequired({
        requests: { capital_question: ask.sample({ messages: 'What is the capital of France?', maxTokens: 100 }) },
      });
    return `The model answered: ${sampledText(answer) ?? '(no text)'}`;
  },
});

export const inputRequiredListRoots = tool({
  name: 'test_input_required_result_list_roots',
  description: 'Asks for the client’s roots (a roots/list input request), then lists them',
  run: (_args, ctx) => {
    const answer = ctx.input?.responses.client_roots;
    if (!answer) return inputRequired({ requests: { client_roots: ask.roots() } });
    const roots = (answer.roots as { uri: string }[] | undefined) ?? [];
    return `Roots: ${roots.map((root) => root.uri).join(', ') || '(none)'}`;
  },
});

export const inputRequiredRequestState = tool({
  name: 'test_input_required_result_request_state',
  description: 'Asks for a confirmation and carries sealed state across the round trip',
  run: (_args, ctx) => {
    const answer = accepted(ctx, 'confirm');
    const state = ctx.input?.state as { step?: string } | undefined;
    if (!answer || state?.step !== 'confirm')
      return inputRequired({
        requests: { confirm: ask.elicit({ message: 'Please confirm', schema: v.object({ ok: v.boolean() }) }) },
        state: { step: 'confirm' },
      });
    return `state-ok: confirmed=${answer.ok}`;
  },
});

export const inputRequiredMultipleInputs = tool({
  name: 'test_input_required_result_multiple_inputs',
  description: 'Asks for a name, a sampled greeting and the roots at once',
  run: (_args, ctx) => {
    const name = accepted(ctx, 'user_name');
    const greeting = ctx.input?.responses.greeting;
    const roots = ctx.input?.responses.client_roots;
    if (!name || !greeting || !roots)
      return inputRequired({
        requests: {
          user_name: askName('What is your name?'),
          greeting: ask.sample({ messages: 'Generate a greeting', maxTokens: 50 }),
          client_roots: ask.roots(),
        },
        state: { asked: ['user_name', 'greeting', 'client_roots'] },
      });
    return `${sampledText(greeting) ?? 'Hello'}, ${name.name}! (${((roots.roots as unknown[]) ?? []).length} roots)`;
  },
});

export const inputRequiredMultiRound = tool({
  name: 'test_input_required_result_multi_round',
  description: 'Asks for a name, then (a second round) a favourite colour',
  run: (_args, ctx) => {
    const state = ctx.input?.state as { name?: string } | undefined;
    const name = state?.name ?? (accepted(ctx, 'step1')?.name as string | undefined);
    if (name === undefined)
      return inputRequired({ requests: { step1: askName('Step 1: What is your name?') }, state: { round: 1 } });
    const color = accepted(ctx, 'step2')?.color;
    if (color === undefined)
      return inputRequired({
        requests: {
          step2: ask.elicit({
            message: 'Step 2: What is your favorite color?',
            schema: v.object({ color: v.string() }),
          }),
        },
        state: { round: 2, name },
      });
    return `${name} likes ${color}`;
  },
});

export const inputRequiredTamperedState = tool({
  name: 'test_input_required_result_tampered_state',
  description: 'Carries sealed state: a retry with changed state is refused before this runs',
  run: (_args, ctx) => {
    if (ctx.input?.state === undefined)
      return inputRequired({ requests: { user_name: askName('What is your name?') }, state: { issued: true } });
    return 'state verified';
  },
});

export const inputRequiredCapabilities = tool({
  name: 'test_input_required_result_capabilities',
  description: 'Asks for an elicitation and a sampling; only what the client declared goes out',
  run: (_args, ctx) => {
    if (ctx.input?.responses.answer || ctx.input?.responses.user_name) return 'answered';
    return inputRequired({
      requests: {
        user_name: askName('What is your name?'),
        answer: ask.sample({ messages: 'Say hello', maxTokens: 20 }),
      },
    });
  },
});

export const inputRequiredPrompt = prompt({
  name: 'test_input_required_result_prompt',
  description: 'A prompt that asks for the context to use before it renders',
  render: (_args, ctx) => {
    const answer = accepted(ctx, 'user_context');
    if (!answer)
      return inputRequired({
        requests: {
          user_context: ask.elicit({
            message: 'What context should the prompt use?',
            schema: v.object({ context: v.string() }),
          }),
        },
      });
    return `Use this context: ${answer.context}`;
  },
});

/** Every MRTR fixture. */
export const inputRequiredFixtures = [
  inputRequiredElicitation,
  inputRequiredSampling,
  inputRequiredListRoots,
  inputRequiredRequestState,
  inputRequiredMultipleInputs,
  inputRequiredMultiRound,
  inputRequiredTamperedState,
  inputRequiredCapabilities,
  inputRequiredPrompt,
];
