/** "31/5/2027", "31/05/2027" or "2027-05-31" → that calendar day at 00:00 UTC; null for no real date. */
export function parseDay(text: string): Date | null {
  const t = text.trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const [y, m, d] = vn ? [Number(vn[3]), Number(vn[2]), Number(vn[1])] : iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [0, 0, 0];
  if (!y) return null;
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d ? day : null;
}

/** 2027-05-31 → "31/05/2027", how dates read in Vietnam. */
export const formatDay = (day: Date): string => day.toISOString().slice(0, 10).split('-').reverse().join('/');
