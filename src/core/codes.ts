/** An initiative's reference code, human-readable and unique: `SK-2026-000123` (the year, then its number). */
export const formatCode = (year: number, seq: number): string => `SK-${year}-${String(seq).padStart(6, '0')}`;
/** What formatCode produces, to check a code someone typed or a button carries. */
export const CODE_PATTERN = /^SK-\d{4}-\d{6}$/;
