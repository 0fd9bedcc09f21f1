import type { PhaseContext } from '../phase-world.js';
import type { PhaseResult } from '../report.js';
export async function fanoutPhase(_ctx: PhaseContext): Promise<PhaseResult> { throw new Error('todo'); }
