/**
 * Every concept tag of every preset, proved by running it: the preset's world
 * is built as the app builds it, the evidence's commands are applied at their
 * times, and what the run must show for each tag (src/lessons/evidence) is
 * checked against the trace, the figures and the models' states. Tags that
 * share a run plan share one run.
 */
import { describe, expect, it } from 'vitest';
// a test may drive the engine directly: the lessons themselves never do
// eslint-disable-next-line no-restricted-imports
import { applyCommand } from '../engine/commands';
// eslint-disable-next-line no-restricted-imports
import { createSimulation } from '../engine/createSimulation';
// eslint-disable-next-line no-restricted-imports
import type { Simulation } from '../engine/sim';
// eslint-disable-next-line no-restricted-imports
import { worldView } from '../engine/view';
import { buildWorld, PRESET_NAMES, PRESETS, presetScenario, type PresetName } from '../scenario/scenario';
import { describeEvidence, samplingOf, Watcher } from './evidence/check';
import { EVIDENCE } from './evidence/index';
import { proofParts, type Evidence, type Proof, type RunPlan, type Sample } from './evidence/types';

/** Engine events run between two looks at the trace: its ring keeps the latest 4,096 events, a frame's worth 2,000. */
const CHUNK = 400;

function sample(sim: Simulation): Sample {
  const v = worldView(sim);
  return { nowUs: sim.nowUs, stats: v.stats, models: v.models, ids: sim.net.nodes.map((n) => n.id) };
}

/** Runs one plan of a preset and returns what went wrong: commands refused, and the evidence not shown (by index in `show`). */
function runPlan(preset: PresetName, plan: RunPlan, show: Evidence[]): { index: number; text: string }[] {
  const scenario = presetScenario(preset);
  const sim = createSimulation(buildWorld(scenario), scenario.seed);
  const watcher = new Watcher(show);
  const { at, everySecond } = samplingOf(show);
  const commands = [...(plan.commands ?? [])].sort((a, b) => a.at - b.at);
  const moments = new Set<number>([...at, ...commands.map((c) => c.at), plan.seconds]);
  if (everySecond) for (let s = 1; s < plan.seconds; s++) moments.add(s);
  const problems: { index: number; text: string }[] = [];
  let ids = sim.net.nodes.map((n) => n.id);
  const describeMsg = (id: number) => sim.describeMessage(id);
  const runTo = (us: number) => {
    for (;;) {
      const n = sim.runUntil(us, CHUNK);
      const { events, skipped } = sim.trace.drain();
      if (skipped > 0) problems.push({ index: -1, text: `the trace dropped ${skipped} events before ${sim.nowUs} µs: make CHUNK smaller` });
      if (sim.net.nodes.length !== ids.length) ids = sim.net.nodes.map((x) => x.id);
      for (const e of events) watcher.event(e, ids, describeMsg);
      if (n < CHUNK) return;
    }
  };
  let next = 0;
  for (const s of [...moments].filter((m) => m <= plan.seconds).sort((a, b) => a - b)) {
    runTo(s * 1e6);
    watcher.sample(sample(sim), s === plan.seconds);
    for (; next < commands.length && commands[next]!.at <= s; next++) {
      const err = applyCommand(sim, commands[next]!.cmd);
      if (err) problems.push({ index: -1, text: `${JSON.stringify(commands[next])} refused: ${err.code}` });
    }
  }
  return [...problems, ...watcher.failures()];
}

/** One run per distinct plan: the tags whose proof shares it are checked together. */
function runsOf(preset: PresetName): { plan: RunPlan; tags: { tag: string; show: Evidence[] }[] }[] {
  const entry = EVIDENCE[preset];
  const runs = new Map<string, { plan: RunPlan; tags: { tag: string; show: Evidence[] }[] }>();
  for (const [tag, proof] of Object.entries(entry.tags) as [string, Proof][]) {
    const { run, show } = proofParts(entry.run, proof);
    const key = JSON.stringify(run);
    if (!runs.has(key)) runs.set(key, { plan: run, tags: [] });
    runs.get(key)!.tags.push({ tag, show });
  }
  return [...runs.values()];
}

describe('every concept tag is shown by a run of its preset', () => {
  it('every preset has evidence for exactly the tags it has', () => {
    for (const p of PRESET_NAMES) {
      expect(Object.keys(EVIDENCE[p]?.tags ?? {}).sort(), p).toEqual([...PRESETS[p].concepts].sort());
      for (const [tag, proof] of Object.entries(EVIDENCE[p].tags) as [string, Proof][]) expect(proofParts(EVIDENCE[p].run, proof).show.length, `${p} ${tag}`).toBeGreaterThan(0);
    }
  });

  it('evidence is specific: no two tags of a preset share the same evidence, and none is just "a message went"', () => {
    for (const p of PRESET_NAMES) {
      const seen = new Map<string, string>();
      for (const [tag, proof] of Object.entries(EVIDENCE[p].tags) as [string, Proof][]) {
        const { show } = proofParts(EVIDENCE[p].run, proof);
        const key = show.map(describeEvidence).sort().join('|');
        expect(seen.get(key), `${p}: ${tag} has the same evidence as ${seen.get(key)}`).toBeUndefined();
        seen.set(key, tag);
        for (const e of show) if (e.kind === 'event') expect(['messageSent', 'messageDelivered'], `${p} ${tag}: name the message kind`).not.toContain(e.type);
      }
    }
  });

  it.each(PRESET_NAMES)('%s', (preset) => {
    const failures: string[] = [];
    for (const { plan, tags } of runsOf(preset)) {
      const show = tags.flatMap((t) => t.show);
      const owner = tags.flatMap((t) => t.show.map(() => t.tag));
      // a failure names the tag whose evidence it is
      for (const f of runPlan(preset, plan, show)) failures.push(`${f.index >= 0 ? owner[f.index] : `run of ${plan.seconds} s`}: ${f.text}`);
    }
    expect(failures).toEqual([]);
  });
});
