import { ClusterModel, UnitModel } from '../models/index.js';
import { readCsv } from './csv.js';
import { problem, rejected, type Checked, type Problem } from './problems.js';
import { CODE_PATTERN, MAX_NAME, cleanName, nameLength } from './rules.js';

const COLUMNS = ['cluster_code', 'cluster_name', 'unit_code'] as const;

/**
 * `import-clusters FILE`: rows `cluster_code,cluster_name,unit_code`. Each cluster in the file gets
 * exactly the units listed for it (a re-import replaces its membership); nothing is written if any row is bad.
 */
export async function importClusters(text: string): Promise<Checked<{ clusters: number; units: number }>> {
  const read = readCsv(text, COLUMNS);
  if (!read.ok) return read;
  const problems: Problem[] = [...read.badRows];
  const known = new Set((await UnitModel.find({}, { code: 1 }).lean()).map((u) => u.code));
  const clusters = new Map<string, { name: string; units: string[] }>();
  for (const { line, cells } of read.rows) {
    const [code = '', rawName = '', unitCode = ''] = cells;
    const name = cleanName(rawName);
    if (!CODE_PATTERN.test(code)) problems.push(problem('admin-reason-code-format', { code }, line));
    if (!name) problems.push(problem('admin-reason-empty-name', undefined, line));
    else if (nameLength(name) > MAX_NAME)
      problems.push(problem('admin-reason-name-too-long', { max: MAX_NAME, length: nameLength(name) }, line));
    if (!known.has(unitCode)) problems.push(problem('admin-reason-unknown-unit', { unit: unitCode }, line));
    const cluster = clusters.get(code) ?? { name, units: [] };
    if (cluster.units.includes(unitCode))
      problems.push(problem('admin-reason-duplicate-member', { unit: unitCode, cluster: code }, line));
    cluster.units.push(unitCode);
    clusters.set(code, cluster);
  }
  if (problems.length > 0) return rejected(problems);
  for (const [code, c] of clusters) {
    await ClusterModel.updateOne({ code }, { $set: { name: c.name, unitCodes: c.units } }, { upsert: true });
  }
  return { ok: true, clusters: clusters.size, units: [...clusters.values()].reduce((n, c) => n + c.units.length, 0) };
}
