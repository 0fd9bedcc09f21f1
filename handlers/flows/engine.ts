import { z } from 'zod';
import { CALLBACKS } from '../../src/core/callback-data.js';
import { type Button, type Reply, reply } from '../../src/core/reply.js';
import type { InboundAttachment, InboundEvent, InboundPayload } from '../../src/core/event.js';
import type { Deps } from '../../src/deps.js';
import type { Locale } from '../../src/core/channel.js';
import type { MemberRecord } from '../../src/services/members.service.js';
import { saveFlowState, type FlowChange, type FlowState } from '../../src/services/flow-state.service.js';
import { msg, type Msg } from '../../src/core/i18n.js';
import { fail, ok, type Result } from '../../src/core/result.js';
import { cleanText, foldForSearch, hasContent } from '../../src/core/text.js';

export type Answers = Record<string, unknown>;
export type StepInput = Exclude<InboundPayload, { kind: 'command' }>;

/** What a handler reads, who wrote and what: never changed by it. */
export interface PersonCtx {
  readonly deps: Deps;
  readonly event: InboundEvent;
  readonly member: MemberRecord;
  /** The member's language as the event came in. */
  readonly locale: Locale;
}

/** With the person's flow state, as read for this event (a flow's next state comes back in a new context). */
export interface FlowCtx extends PersonCtx {
  readonly state: FlowState;
}

/** What a handler did, beyond its replies: a notice for the pressed button, a change of language. */
export interface Handled {
  replies: Reply[];
  /** A short notice for the pressed button (Telegram shows it as a toast). */
  notice?: Msg;
  /** The person's language changed: the replies are rendered in this one. */
  locale?: Locale;
  /** The pressed button's message is done with: its buttons go (Telegram edits them away). */
  closeButtons?: boolean;
}

/** A handler's answer: its replies, or replies with more (see Handled). */
export type Answer = Reply[] | Handled;

/** What a step decided about one answer (`A`: the flow's answers, as its schema reads them). */
export type StepOutcome<A = Answers> =
  /**
   * Accepted: store `set` and move on (to `goto`, or the next step of the flow); `returnTo` comes after
   * `goto`. `locale`: the person chose a language, the next question is in it.
   */
  | { kind: 'next'; set?: Partial<A>; goto?: string; returnTo?: string; locale?: Locale }
  /** Accepted but not finished with this step (another photo, a search result list). */
  | { kind: 'stay'; set?: Partial<A>; replies: (ctx: FlowCtx, answers: A) => Reply[] | Promise<Reply[]> }
  /** Not an answer to this question: say why, ask again, change nothing. */
  | { kind: 'invalid'; error: Msg }
  /** The flow is complete: store `set`, then the flow's finish() runs. */
  | { kind: 'done'; set?: Partial<A> }
  /** The person declined: the flow ends with `replies` and nothing is kept. */
  | { kind: 'abort'; replies: Reply[] };

/** One question: its prompt, how it reads an answer, and whether it applies. Pure apart from lookups. */
export interface Step<A = Answers> {
  id: string;
  prompt: (ctx: FlowCtx, answers: A) => Reply | Promise<Reply>;
  answer: (input: StepInput, ctx: FlowCtx, answers: A) => StepOutcome<A> | Promise<StepOutcome<A>>;
  skip?: (answers: A) => boolean;
}

export interface FlowDef<A = Answers> {
  id: string;
  steps: Step<A>[];
  /** Keep the answers when the person leaves with /cancel, to resume later. */
  keepsDraft: boolean;
  /** Runs once the last answer is saved; `key` identifies this completion for idempotent writes. */
  finish(ctx: FlowCtx, answers: A, key: string): Promise<Answer>;
}

/**
 * A flow whose answers are declared by a zod schema: the stored answers are parsed by it each time a
 * step or the finish reads them, so the flow's code reads typed fields, never casts.
 */
export function defineFlow<S extends z.ZodType<object>>(schema: S, def: FlowDef<z.infer<S>>): FlowDef {
  type A = z.infer<S>;
  const read = (answers: Answers): A => schema.parse(answers);
  const erased = (outcome: StepOutcome<A>): StepOutcome =>
    outcome.kind === 'stay'
      ? { ...outcome, replies: (ctx: FlowCtx) => outcome.replies(ctx, read(ctx.state.answers)) }
      : outcome;
  return {
    id: def.id,
    keepsDraft: def.keepsDraft,
    steps: def.steps.map(({ id, prompt, answer, skip }) => ({
      id,
      prompt: (ctx) => prompt(ctx, read(ctx.state.answers)),
      answer: async (input, ctx) => erased(await answer(input, ctx, read(ctx.state.answers))),
      ...(skip ? { skip: (answers: Answers) => skip(read(answers)) } : {}),
    })),
    finish: (ctx, answers, key) => def.finish(ctx, read(answers), key),
  };
}

/** A file the person sent, kept in a flow's answers until the flow stores it. */
export const attachmentSchema = z.custom<InboundAttachment>(
  (v) => typeof v === 'object' && v !== null && 'fileId' in v && 'kind' in v,
);

/** Button payload bound to the flow revision it was shown at: presses on older messages are stale. */
export const flowButton = (ctx: FlowCtx, label: Msg, value: string): Button => ({
  label,
  data: CALLBACKS.flow.pack({ rev: ctx.state.rev, value }),
});

export class FlowEngine {
  private readonly flows: Map<string, FlowDef>;

  constructor(flows: FlowDef[]) {
    this.flows = new Map(flows.map((f) => [f.id, f]));
  }

  flow(id: string | null): FlowDef | undefined {
    return id ? this.flows.get(id) : undefined;
  }

  async start(ctx: FlowCtx, flowId: string, answers: Answers = {}, intro: Reply[] = []): Promise<Reply[]> {
    const flow = this.require(flowId);
    const step = firstStep(flow, 0, answers);
    const paused = ctx.state.paused?.flow === flowId ? null : ctx.state.paused;
    return this.moveTo(ctx, { flow: flowId, step: step.id, trail: [], answers, returnTo: null, paused }, intro);
  }

  /** Brings back the draft left with /cancel, at the step where it was left; `outro` follows the question. */
  async resumePaused(ctx: FlowCtx, intro: Reply[], outro: (now: FlowCtx) => Reply[] = () => []): Promise<Reply[]> {
    const p = ctx.state.paused;
    if (!p) throw new Error('no paused flow to resume');
    return this.moveTo(
      ctx,
      { flow: p.flow, step: p.step, trail: p.trail, answers: p.answers, returnTo: null, paused: null },
      intro,
      outro,
    );
  }

  async prompt(ctx: FlowCtx): Promise<Reply> {
    return this.currentStep(ctx).prompt(ctx, ctx.state.answers);
  }

  async answer(ctx: FlowCtx, input: StepInput): Promise<Answer> {
    const flow = this.require(ctx.state.flow);
    const step = this.currentStep(ctx);
    if (input.kind === 'button') {
      const pressed = CALLBACKS.flow.unpack(input.data);
      if (!pressed || pressed.rev !== ctx.state.rev)
        return [reply(msg('flow-stale-button')), await step.prompt(ctx, ctx.state.answers)];
      input = { kind: 'button', data: pressed.value };
    }
    const outcome = await step.answer(input, ctx, ctx.state.answers);
    const { state } = ctx;
    switch (outcome.kind) {
      case 'invalid':
        return [reply(outcome.error), await step.prompt(ctx, ctx.state.answers)];
      case 'abort':
        await this.save(ctx, { ...idle(state), paused: state.paused });
        return outcome.replies;
      case 'stay': {
        const answers = { ...state.answers, ...outcome.set };
        const next = await this.save(ctx, { ...changeOf(state), answers });
        return outcome.replies(next, next.state.answers);
      }
      case 'done': {
        const answers = { ...state.answers, ...outcome.set };
        const saved = await this.save(ctx, { ...idle(state), paused: state.paused });
        return flow.finish(saved, answers, `${saved.state.owner}:${saved.state.rev}`);
      }
      case 'next': {
        const answers = { ...state.answers, ...outcome.set };
        const target = outcome.goto ?? state.returnTo ?? nextStepAfter(flow, step.id, answers).id;
        const returnTo = outcome.returnTo ?? null;
        const replies = await this.moveTo(ctx, {
          ...changeOf(state),
          step: target,
          answers,
          trail: [...state.trail, step.id],
          returnTo,
        });
        return outcome.locale ? { replies, locale: outcome.locale } : replies;
      }
    }
  }

  /** /back: the previous question again, with the answers kept. Null when already at the first. */
  async back(ctx: FlowCtx): Promise<Reply[] | null> {
    const trail = [...ctx.state.trail];
    const previous = trail.pop();
    if (!previous) return null;
    return this.moveTo(ctx, { ...changeOf(ctx.state), step: previous, trail, returnTo: null });
  }

  /** /cancel: leaves the flow; a draft-keeping flow parks its answers to resume later. Returns the context after. */
  async cancel(ctx: FlowCtx): Promise<{ keptDraft: boolean; ctx: FlowCtx }> {
    const { state } = ctx;
    const flow = this.require(state.flow);
    const paused =
      flow.keepsDraft && state.step
        ? { flow: flow.id, step: state.step, trail: state.trail, answers: state.answers }
        : state.paused;
    return { keptDraft: flow.keepsDraft, ctx: await this.save(ctx, { ...idle(state), paused }) };
  }

  private async moveTo(
    ctx: FlowCtx,
    change: FlowChange,
    before: Reply[] = [],
    after: (now: FlowCtx) => Reply[] = () => [],
  ): Promise<Reply[]> {
    const moved = await this.save(ctx, change);
    return [...before, await this.currentStep(moved).prompt(moved, moved.state.answers), ...after(moved)];
  }

  /** Stores the change; the context with the state as stored. */
  private async save(ctx: FlowCtx, change: FlowChange): Promise<FlowCtx> {
    return { ...ctx, state: await saveFlowState(ctx.deps.redis, ctx.state, change) };
  }

  private currentStep(ctx: FlowCtx): Step {
    const flow = this.require(ctx.state.flow);
    const step = flow.steps.find((s) => s.id === ctx.state.step);
    if (!step) throw new Error(`flow ${flow.id} has no step ${ctx.state.step}`);
    return step;
  }

  private require(id: string | null): FlowDef {
    const flow = this.flow(id);
    if (!flow) throw new Error(`unknown flow ${id}`);
    return flow;
  }
}

const changeOf = (s: FlowState): FlowChange => ({
  flow: s.flow,
  step: s.step,
  trail: s.trail,
  answers: s.answers,
  returnTo: s.returnTo,
  paused: s.paused,
});

const idle = (s: FlowState): FlowChange => ({
  ...changeOf(s),
  flow: null,
  step: null,
  trail: [],
  answers: {},
  returnTo: null,
});

function firstStep(flow: FlowDef, from: number, answers: Answers): Step {
  const step = flow.steps.slice(from).find((s) => !s.skip?.(answers));
  if (!step) throw new Error(`flow ${flow.id} has no step to ask from #${from}`);
  return step;
}

function nextStepAfter(flow: FlowDef, stepId: string, answers: Answers): Step {
  return firstStep(flow, flow.steps.findIndex((s) => s.id === stepId) + 1, answers);
}

export type Read<T> = Result<T, Msg>;

const SKIP_WORDS = new Set(['bo qua', 'skip', 'khong', 'khong co', 'none']);
const DONE_WORDS = new Set(['xong', 'done', 'hoan tat', 'het', 'finish']);

/** A typed answer, cleaned (NFC, no control characters) and checked for real content and length. */
export function readText(input: StepInput, max: number): Read<string> {
  if (input.kind !== 'text') return fail(msg('flow-expected-text'));
  const text = cleanText(input.text);
  if (!hasContent(text)) return fail(msg('flow-empty-answer'));
  const length = [...text].length;
  if (length > max) return fail(msg('flow-too-long', { max, length }));
  return ok(text);
}

/** "bỏ qua", "skip", "-" or the Skip button. */
export const isSkip = (input: StepInput): boolean =>
  (input.kind === 'button' && input.data === 'skip') ||
  (input.kind === 'text' && (input.text.trim() === '-' || SKIP_WORDS.has(foldForSearch(input.text))));

/** "xong", "done" or the Done button. */
export const isDone = (input: StepInput): boolean =>
  (input.kind === 'button' && input.data === 'done') ||
  (input.kind === 'text' && DONE_WORDS.has(foldForSearch(input.text)));

export const buttonValue = (input: StepInput): string | null => (input.kind === 'button' ? input.data : null);
