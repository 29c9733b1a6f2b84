import type { Lang } from '../i18n';
import type { EngineCommand, TraceEvent } from '../protocol';
import { presetScenario, type PresetName } from '../scenario/scenario';
import { loadScenario, notify, notifyCommandError, useLab, worker, type Selection } from './labStore';

let commandId = 0;

/** Sends a command to the simulation; a refusal becomes a notice, and the run goes on. */
export async function sendCommand(cmd: EngineCommand): Promise<boolean> {
  const c = worker();
  if (!c) return false;
  const runId = useLab.getState().runId;
  const reply = await c.api.command(++commandId, cmd);
  if (reply.runId !== runId) return false;
  if (!reply.ok && reply.error) notifyCommandError(reply.error);
  return reply.ok;
}

export function play(): void {
  useLab.setState({ playing: true });
  void worker()?.api.play();
}

export function pause(): void {
  useLab.setState({ playing: false });
  void worker()?.api.pause();
}

export function togglePlay(): void {
  if (useLab.getState().playing) pause();
  else play();
}

export function step(): void {
  useLab.setState({ playing: false });
  void worker()?.api.step();
}

export async function setSpeed(speed: number): Promise<void> {
  useLab.setState({ speed });
  const err = await worker()?.api.setSpeed(speed);
  if (err) notifyCommandError(err);
}

export function select(selection: Selection): void {
  useLab.setState({ selection, highlight: null, messageDetails: null });
}

/** Selects a message (chosen in the log) and asks the worker what it carried. */
export async function selectMessage(id: number): Promise<void> {
  const { runId } = useLab.getState();
  useLab.setState({ selection: { kind: 'message', id: String(id) }, messageDetails: null });
  // the worker forgets old messages: say so rather than wait forever
  const details = (await worker()?.api.describeMessage(runId, id)) ?? { forgotten: 1 };
  const s = useLab.getState();
  if (s.runId === runId && s.selection?.kind === 'message' && s.selection.id === String(id)) useLab.setState({ messageDetails: details });
}

/** Loads a built-in preset (keeps the seed). */
export function loadPreset(preset: PresetName): void {
  loadScenario(presetScenario(preset, useLab.getState().scenario.seed));
}

export function highlightEvent(e: TraceEvent | null): void {
  useLab.setState({ highlight: e });
}

export function setLang(lang: Lang): void {
  useLab.setState({ lang });
  document.documentElement.lang = lang;
}

export function dismissNotice(id: number): void {
  useLab.setState({ notices: useLab.getState().notices.filter((n) => n.id !== id) });
}

export { notify };

/** Runs this much simulated time ahead as fast as the machine allows (the page shows progress). */
export function skipAhead(byUs: number): void {
  void worker()?.api.skipAhead(useLab.getState().runId, byUs);
}

/** Stops a skip ahead where it has got to. */
export function cancelSkip(): void {
  void worker()?.api.cancelSkip();
}
