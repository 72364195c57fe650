/** The readable table `npm run bench` prints without --json: one block per section. */

export function formatFigures(figures: Record<string, unknown>): string {
  const lines: string[] = [];
  for (const [section, value] of Object.entries(figures)) {
    lines.push(section);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      lines.push(`  ${formatValue(value)}`, '');
      continue;
    }
    const entries = Object.entries(value as Record<string, unknown>);
    const width = Math.max(...entries.map(([key]) => key.length));
    for (const [key, field] of entries) lines.push(`  ${key.padEnd(width)}  ${formatValue(field)}`);
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

function formatValue(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) >= 10_000 ? value.toLocaleString('en-US') : String(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
