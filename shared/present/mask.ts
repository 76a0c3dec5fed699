/** Account ids (auth id, contract id) as the views show them unless asked: first and last two characters. */
export function maskId(id: string): string {
  if (id.length <= 4) return '•'.repeat(id.length);
  return `${id.slice(0, 2)}${'•'.repeat(Math.min(8, id.length - 4))}${id.slice(-2)}`;
}
