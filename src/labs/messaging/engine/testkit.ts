import type { ModelContext } from '../../../engine/model';
import { createSimulation } from '../../../engine/createSimulation';
import type { WorldSpec } from '../../../engine/types';
import type { MessagingModel } from './messagingModel';
import type { Delivered, Out } from './module';
import type { Proc } from './procs';

/** A messaging world under test, with what each process received and which sends failed (for tests only). */
export function lab(world: WorldSpec, seed = 1) {
  const sim = createSimulation(world, seed);
  const model = sim.models.find((m) => m.name === 'messaging') as MessagingModel;
  const got = new Map<string, string[]>();
  const failed = new Map<string, string[]>();
  const arrived = model.programs.arrived.bind(model.programs);
  model.programs.arrived = (ctx: ModelContext, p: Proc, d: Delivered) => {
    got.set(p.spec.id, [...(got.get(p.spec.id) ?? []), d.text]);
    arrived(ctx, p, d);
  };
  const finished = model.programs.sendFinished.bind(model.programs);
  model.programs.sendFinished = (ctx: ModelContext, out: Out, f: boolean) => {
    if (f) failed.set(out.from.spec.id, [...(failed.get(out.from.spec.id) ?? []), out.text]);
    finished(ctx, out, f);
  };
  const proc = (id: string) => model.procs.byId(id)!;
  const stats = () => model.stats(sim.nowUs);
  return { sim, model, got, failed, proc, stats };
}
