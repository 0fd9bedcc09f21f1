import type { PhaseContext } from '../phase-world.js';
import type { PhaseResult } from '../report.js';
export async function commandsPhase(_ctx: PhaseContext): Promise<PhaseResult> { throw new Error('todo'); }
