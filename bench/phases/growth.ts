import type { PhaseContext } from '../phase-world.js';
import type { PhaseResult } from '../report.js';
export async function growthPhase(_ctx: PhaseContext): Promise<PhaseResult> { throw new Error('todo'); }
