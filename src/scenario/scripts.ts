/** Scripted faults the presets share: what a preset does by itself, at set moments. */
import type { EngineCommand } from '../protocol';

export type Script = { atUs: number; cmd: EngineCommand }[];

/** A machine fails `atS` seconds in and is repaired a minute later. */
export function outage(node: string, atS = 30): Script {
  return [
    { atUs: atS * 1_000_000, cmd: { type: 'crashNode', node } },
    { atUs: (atS + 60) * 1_000_000, cmd: { type: 'restartNode', node } },
  ];
}
