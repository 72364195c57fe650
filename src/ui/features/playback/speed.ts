/** "×1", "×0.01", "×250": the speed as a multiple of real time, with at most three significant digits. */
export function formatSpeed(speed: number): string {
  return `×${Number(speed.toPrecision(speed < 1 ? 2 : 3))}`;
}
