/** The chart's keyboard and button commands, and the x range each one leads to. */

export type ChartCommand = 'in' | 'out' | 'left' | 'right' | 'reset';

const KEYS = new Map<string, ChartCommand>([
  ['+', 'in'],
  ['=', 'in'],
  ['-', 'out'],
  ['_', 'out'],
  ['−', 'out'],
  ['ArrowLeft', 'left'],
  ['ArrowRight', 'right'],
  ['0', 'reset'],
  ['Home', 'reset'],
]);

export function chartCommand(key: string): ChartCommand | null {
  return KEYS.get(key) ?? null;
}

/** Zoom steps halve or double the visible width around its centre; a pan moves it by a quarter. */
export function zoomedRange(
  span: [number, number],
  view: [number, number],
  command: ChartCommand,
): [number, number] {
  const [min, max] = view;
  const width = max - min;
  const centre = (min + max) / 2;
  switch (command) {
    case 'in':
      return [centre - width / 4, centre + width / 4];
    case 'out':
      return [centre - width, centre + width];
    case 'left':
      return [min - width / 4, max - width / 4];
    case 'right':
      return [min + width / 4, max + width / 4];
    case 'reset':
      return span;
  }
}
