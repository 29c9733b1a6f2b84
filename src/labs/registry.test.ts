/**
 * The registry of labs (engine/labs.ts) and the tables keyed by its names on
 * every layer: each lab must be complete. `labProblems` says what a lab
 * lacks; every real lab has nothing missing, and a small fixture lab (an
 * "echo" lab defined here, folder-free) shows that each missing piece is
 * named, so a lab added without one of them fails this test.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine/createSimulation';
import type { LabEngine } from '../engine/labEngine';
import { LAB_ENGINES, LAB_IDS } from '../engine/labs';
import { LAB_MESSAGES } from '../engine/messageKinds';
import type { Model } from '../engine/model';
import { LAB_TEXTS } from '../i18n/labs';
import { en } from '../i18n/en';
import { es } from '../i18n/es';
import { CONCEPT_IDS, LESSONS } from '../lessons';
import { stepPreset } from '../lessons/coverage';
import { MESSAGE_COLOR } from '../render/palette';
import type { LabScenario } from '../scenario/labScenario';
import { LAB_SCENARIOS } from '../scenario/labs';
import { clientServerWorld } from './clientserver/engine/world';
import { LAB_ROWS, type LabRow } from '../ui/labPanels';

/** Everything a lab gives, gathered from the layers' tables (or given by a test). */
interface LabParts {
  engine: LabEngine;
  messages: Readonly<Record<string, Readonly<Record<string, number>>>>;
  scenario: LabScenario;
  rows: readonly LabRow[];
  /** Rows of other labs whose first column this lab's panel may take (SSI's console). */
  guests: readonly LabRow[];
  colors: Readonly<Record<string, string>>;
  texts: { en: Partial<Record<string, string>>; es: Partial<Record<string, string>> };
  /** The presets the lessons run, each step's. */
  lessonPresets: ReadonlySet<string>;
}

const realParts = (id: (typeof LAB_IDS)[number]): LabParts => ({
  engine: LAB_ENGINES[id],
  messages: LAB_MESSAGES[id].families,
  scenario: LAB_SCENARIOS[id],
  rows: LAB_ROWS.filter((r) => r.model === id),
  guests: LAB_ROWS.filter((r) => r.firstWith?.model === id),
  colors: MESSAGE_COLOR,
  texts: { en, es },
  lessonPresets: new Set(LESSONS.flatMap((l) => l.steps.map((_, i) => stepPreset(l, i)).filter((p): p is NonNullable<typeof p> => p !== undefined))),
});

/** What lab `id` lacks, one sentence each; empty when complete. */
function labProblems(id: string, lab: LabParts, labs: Readonly<Record<string, LabEngine>> = LAB_ENGINES): string[] {
  const out: string[] = [];
  const presets = Object.entries(lab.scenario.presets);
  if (presets.length === 0) out.push(`${id}: no presets`);
  for (const [name, p] of presets) {
    const sim = createSimulation(p.world({ clients: p.clients }), 1, labs);
    const model = sim.models.find((m) => m.name === id);
    if (!model) out.push(`${id}: preset ${name} does not run the lab's model (its models: ${sim.models.map((m) => m.name).join(', ') || 'none'})`);
    if (p.concepts.length === 0) out.push(`${id}: preset ${name} has no concept tags`);
    for (const c of p.concepts) if (!(CONCEPT_IDS as readonly string[]).includes(c)) out.push(`${id}: preset ${name} has an unknown concept ${c}`);
    for (const lang of ['en', 'es'] as const) if (!lab.texts[lang][`preset.${name}`]) out.push(`${id}: preset ${name} has no ${lang} title`);
  }
  for (const lang of ['en', 'es'] as const) if (!lab.texts[lang][`lab.${lab.scenario.picker}`]) out.push(`${id}: picker group ${lab.scenario.picker} has no ${lang} title`);
  const named = new Set<number>();
  for (const [family, kinds] of Object.entries(lab.messages)) {
    for (const [key, n] of Object.entries(kinds)) {
      const name = `${family}.${key}`;
      if (!lab.colors[name]) out.push(`${id}: message kind ${name} has no colour`);
      // the legend names a number once: two names of one kind (mp.deref, mp.derefReply) share the first one's text
      if (named.has(n)) continue;
      named.add(n);
      for (const lang of ['en', 'es'] as const) if (!lab.texts[lang][`msg.${name}`]) out.push(`${id}: message kind ${name} has no ${lang} text`);
    }
  }
  if (lab.rows.length === 0 && lab.guests.length === 0) out.push(`${id}: no panels`);
  if (!presets.some(([name]) => lab.lessonPresets.has(name))) out.push(`${id}: no lesson runs any of its presets`);
  return out;
}

describe('the registry of labs', () => {
  it('every layer names the same labs as the engine registry, in its own order', () => {
    expect(Object.keys(LAB_SCENARIOS).sort()).toEqual([...LAB_IDS].sort());
    expect(Object.keys(LAB_TEXTS).sort()).toEqual([...LAB_IDS].sort());
    expect(Object.keys(LAB_MESSAGES).sort()).toEqual([...LAB_IDS].sort());
    expect([...new Set(LAB_ROWS.map((r) => r.model))].every((m) => LAB_IDS.includes(m))).toBe(true);
  });

  for (const id of LAB_IDS) it(`${id} is complete: presets running its model, concepts, titles, message colours and texts, panels, a lesson`, () => expect(labProblems(id, realParts(id))).toEqual([]));

  it("a lab's model is the one it is named after, and no two labs claim a preset or a message family", () => {
    const presets = LAB_IDS.flatMap((id) => Object.keys(LAB_SCENARIOS[id].presets));
    expect(new Set(presets).size).toBe(presets.length);
    const families = LAB_IDS.flatMap((id) => Object.keys(LAB_MESSAGES[id].families));
    expect(new Set(families).size).toBe(families.length);
  });
});

/** The fixture lab: a model that sends one "ping" to the office's server and counts the "pong". */
class EchoModel implements Model {
  readonly name = 'echo';
  pongs = 0;
  init(ctx: Parameters<Model['init']>[0]) {
    ctx.send(ctx.net.node('client-1')?.index ?? 0, ctx.net.node('app')?.index ?? 1, ECHO_MSG.ping, 64, null);
  }
  onMessage() {
    this.pongs++;
  }
  onTimer() {}
  onWorkDone() {}
  onNodeCrashed() {}
  onNodeRestarted() {}
  onNodeAdded() {}
  stats() {
    return { echoPongs: this.pongs };
  }
}
const ECHO_MSG = { ping: 90, pong: 91 } as const;

function fixture(): LabParts & { labs: Record<string, LabEngine> } {
  const engine: LabEngine = { create: (w) => (w.nodes.some((n) => n.id === 'app') ? new EchoModel() : undefined) };
  return {
    labs: { ...LAB_ENGINES, echo: engine },
    engine,
    messages: { echo: ECHO_MSG },
    scenario: { picker: 'echo', presets: { echo: { concepts: ['DS-MESSAGES'], clients: 1, world: (s) => clientServerWorld(s.clients) } } },
    rows: [{ columns: [() => null] }],
    guests: [],
    colors: { 'echo.ping': '#0072B2', 'echo.pong': '#D55E00' },
    texts: {
      en: { 'preset.echo': 'Echo', 'lab.echo': 'Echo lab', 'msg.echo.ping': 'Ping', 'msg.echo.pong': 'Pong' },
      es: { 'preset.echo': 'Eco', 'lab.echo': 'Laboratorio de eco', 'msg.echo.ping': 'Ping', 'msg.echo.pong': 'Pong' },
    },
    lessonPresets: new Set(['echo']),
  };
}

describe('a fixture lab', () => {
  it('complete, it passes the same checks as the real labs, and its model runs in the registry', () => {
    const f = fixture();
    expect(labProblems('echo', f, f.labs)).toEqual([]);
    const sim = createSimulation(clientServerWorld(1), 1, f.labs);
    sim.runUntil(2_000_000);
    expect(sim.models.map((m) => m.name)).toContain('echo');
  });

  const without: [string, (f: ReturnType<typeof fixture>) => void, string][] = [
    ['a colour', (f) => delete (f.colors as Record<string, string>)['echo.pong'], 'echo: message kind echo.pong has no colour'],
    ['an English text', (f) => delete f.texts.en['msg.echo.ping'], 'echo: message kind echo.ping has no en text'],
    ['a Spanish text', (f) => delete f.texts.es['msg.echo.ping'], 'echo: message kind echo.ping has no es text'],
    ['a preset title', (f) => delete f.texts.es['preset.echo'], 'echo: preset echo has no es title'],
    ['a picker title', (f) => delete f.texts.en['lab.echo'], 'echo: picker group echo has no en title'],
    ['its panels', (f) => (f.rows = []), 'echo: no panels'],
    ['a lesson', (f) => (f.lessonPresets = new Set()), 'echo: no lesson runs any of its presets'],
    ['concept tags', (f) => (f.scenario.presets.echo!.concepts = []), 'echo: preset echo has no concept tags'],
    ['a real concept', (f) => (f.scenario.presets.echo!.concepts = ['NOPE']), 'echo: preset echo has an unknown concept NOPE'],
    ['its own world', (f) => (f.scenario.presets.echo!.world = () => ({ nodes: [], links: [] })), 'echo: preset echo does not run the lab\'s model (its models: none)'],
    ['its registry line', (f) => delete f.labs.echo, "echo: preset echo does not run the lab's model (its models: clientserver)"],
  ];
  for (const [what, remove, problem] of without) {
    it(`without ${what}, it is named`, () => {
      const f = fixture();
      remove(f);
      expect(labProblems('echo', f, f.labs)).toEqual([problem]);
    });
  }
});
