import type { Button, InboundEvent, InboundPayload, Reply } from '../../src/channels/types.js';
import { msg, type Msg } from '../../src/i18n.js';
import type { Deps } from '../../src/deps.js';
import type { Locale } from '../../src/models/index.js';
import type { MemberRecord } from '../../src/services/members.service.js';
import { saveFlowState, type FlowChange, type FlowState } from '../../src/services/flow-state.service.js';
import { reply } from '../../src/channels/types.js';

export type Answers = Record<string, unknown>;
export type StepInput = Exclude<InboundPayload, { kind: 'command' }>;

export interface FlowCtx {
  deps: Deps;
  event: InboundEvent;
  member: MemberRecord;
  locale: Locale;
  state: FlowState;
  /** A short notice for the pressed button (Telegram shows it as a toast). */
  notice?: Msg;
}

/** What a step decided about one answer. */
export type StepOutcome =
  /** Accepted: store `set` and move on (to `goto`, or the next step of the flow); `returnTo` comes after `goto`. */
  | { kind: 'next'; set?: Answers; goto?: string; returnTo?: string }
  /** Accepted but not finished with this step (another photo, a search result list). */
  | { kind: 'stay'; set?: Answers; replies: (ctx: FlowCtx) => Reply[] | Promise<Reply[]> }
  /** Not an answer to this question: say why, ask again, change nothing. */
  | { kind: 'invalid'; error: Msg }
  /** The flow is complete: store `set`, then the flow's finish() runs. */
  | { kind: 'done'; set?: Answers }
  /** The person declined: the flow ends with `replies` and nothing is kept. */
  | { kind: 'abort'; replies: Reply[] };

/** One question: its prompt, how it reads an answer, and whether it applies. Pure apart from lookups. */
export interface Step {
  id: string;
  prompt(ctx: FlowCtx): Reply | Promise<Reply>;
  answer(input: StepInput, ctx: FlowCtx): StepOutcome | Promise<StepOutcome>;
  skip?(answers: Answers): boolean;
}

export interface FlowDef {
  id: string;
  steps: Step[];
  /** Keep the answers when the person leaves with /cancel, to resume later. */
  keepsDraft: boolean;
  /** Runs once the last answer is saved; `key` identifies this completion for idempotent writes. */
  finish(ctx: FlowCtx, answers: Answers, key: string): Promise<Reply[]>;
}

/** Button payload bound to the flow revision it was shown at: presses on older messages are stale. */
export const flowButton = (ctx: FlowCtx, label: Msg, value: string): Button => ({
  label,
  data: `f:${ctx.state.rev}:${value}`,
});

export function parseFlowButton(data: string): { rev: number; value: string } | null {
  const match = /^f:(\d+):(.+)$/.exec(data);
  return match ? { rev: Number(match[1]), value: match[2]! } : null;
}

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

  /** Brings back the draft left with /cancel, at the step where it was left. */
  async resumePaused(ctx: FlowCtx, intro: Reply[]): Promise<Reply[]> {
    const p = ctx.state.paused;
    if (!p) throw new Error('no paused flow to resume');
    return this.moveTo(ctx, { flow: p.flow, step: p.step, trail: p.trail, answers: p.answers, returnTo: null, paused: null }, intro);
  }

  async prompt(ctx: FlowCtx): Promise<Reply> {
    return this.currentStep(ctx).prompt(ctx);
  }

  async answer(ctx: FlowCtx, input: StepInput): Promise<Reply[]> {
    const flow = this.require(ctx.state.flow);
    const step = this.currentStep(ctx);
    if (input.kind === 'button') {
      const pressed = parseFlowButton(input.data);
      if (!pressed || pressed.rev !== ctx.state.rev) return [reply(msg('flow-stale-button')), await step.prompt(ctx)];
      input = { kind: 'button', data: pressed.value };
    }
    const outcome = await step.answer(input, ctx);
    const { state } = ctx;
    switch (outcome.kind) {
      case 'invalid':
        return [reply(outcome.error), await step.prompt(ctx)];
      case 'abort':
        await this.save(ctx, { ...idle(state), paused: state.paused });
        return outcome.replies;
      case 'stay': {
        const answers = { ...state.answers, ...outcome.set };
        await this.save(ctx, { ...changeOf(state), answers });
        return outcome.replies(ctx);
      }
      case 'done': {
        const answers = { ...state.answers, ...outcome.set };
        const saved = await this.save(ctx, { ...idle(state), paused: state.paused });
        return flow.finish(ctx, answers, `${saved.owner}:${saved.rev}`);
      }
      case 'next': {
        const answers = { ...state.answers, ...outcome.set };
        const target = outcome.goto ?? state.returnTo ?? nextStepAfter(flow, step.id, answers).id;
        const returnTo = outcome.returnTo ?? null;
        return this.moveTo(ctx, { ...changeOf(state), step: target, answers, trail: [...state.trail, step.id], returnTo });
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

  /** /cancel: leaves the flow; a draft-keeping flow parks its answers to resume later. */
  async cancel(ctx: FlowCtx): Promise<{ keptDraft: boolean }> {
    const { state } = ctx;
    const flow = this.require(state.flow);
    const paused =
      flow.keepsDraft && state.step
        ? { flow: flow.id, step: state.step, trail: state.trail, answers: state.answers }
        : state.paused;
    await this.save(ctx, { ...idle(state), paused });
    return { keptDraft: flow.keepsDraft };
  }

  /** Forgets the parked draft. */
  async discardPaused(ctx: FlowCtx): Promise<void> {
    await this.save(ctx, { ...changeOf(ctx.state), paused: null });
  }

  private async moveTo(ctx: FlowCtx, change: FlowChange, before: Reply[] = []): Promise<Reply[]> {
    await this.save(ctx, change);
    return [...before, await this.currentStep(ctx).prompt(ctx)];
  }

  private async save(ctx: FlowCtx, change: FlowChange): Promise<FlowState> {
    ctx.state = await saveFlowState(ctx.deps.redis, ctx.state, change);
    return ctx.state;
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

const idle = (s: FlowState): FlowChange => ({ ...changeOf(s), flow: null, step: null, trail: [], answers: {}, returnTo: null });

function firstStep(flow: FlowDef, from: number, answers: Answers): Step {
  const step = flow.steps.slice(from).find((s) => !s.skip?.(answers));
  if (!step) throw new Error(`flow ${flow.id} has no step to ask from #${from}`);
  return step;
}

function nextStepAfter(flow: FlowDef, stepId: string, answers: Answers): Step {
  return firstStep(flow, flow.steps.findIndex((s) => s.id === stepId) + 1, answers);
}
