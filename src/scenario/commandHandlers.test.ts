import { describe, expect, expectTypeOf, it } from 'vitest';
import { applyCommand, type EngineCommand } from '../engine/commands';
import { createSimulation } from '../engine/createSimulation';
import { parseCommand, type ParsedCommand } from '../protocol/commands';
import { buildWorld, presetScenario, type PresetName } from './scenario';

type Kind = EngineCommand['type'];
type Of<K extends Kind> = Extract<EngineCommand, { type: K }>;

/**
 * One sample of every command, with a preset whose run handles it (and a
 * command to give first, where it needs one). The table
 * is a Record over every command type: a command added to the union without a
 * sample here is a type error, and then this test asks for its schema and its
 * handler.
 */
const SAMPLES: { [K in Kind]: [PresetName, Of<K>, EngineCommand?] } = {
  crashNode: ['office', { type: 'crashNode', node: 'db' }],
  restartNode: ['office', { type: 'restartNode', node: 'db' }, { type: 'crashNode', node: 'db' }],
  removeNode: ['office', { type: 'removeNode', node: 'client-1' }],
  cutLink: ['cluster', { type: 'cutLink', link: 'node-1~ic' }],
  restoreLink: ['cluster', { type: 'restoreLink', link: 'node-1~ic' }, { type: 'cutLink', link: 'node-1~ic' }],
  setLink: ['cluster', { type: 'setLink', link: 'node-1~ic', lossRate: 0.5 }],
  addClient: ['office', { type: 'addClient' }],
  partition: ['cluster', { type: 'partition', side: ['node-1'] }],
  heal: ['cluster', { type: 'heal' }],
  setClients: ['office', { type: 'setClients', count: 3 }],
  setClass: ['thin', { type: 'setClass', cls: 'client' }],
  setThinkTime: ['office', { type: 'setThinkTime', thinkTimeUs: 2_000_000 }],
  addFeature: ['fat', { type: 'addFeature' }],
  upgradeClients: ['fat', { type: 'upgradeClients' }],
  deploy: ['fat', { type: 'deploy' }],
  failResource: ['cluster', { type: 'failResource', group: 'files', resource: 'files-svc' }],
  setQuorum: ['cluster', { type: 'setQuorum', on: false }],
  setFailback: ['failback', { type: 'setFailback', group: 'files', policy: 'window', window: [1, 5] }],
  moveGroup: ['cluster', { type: 'moveGroup', group: 'files' }],
  setAlgorithm: ['balance', { type: 'setAlgorithm', algorithm: 'leastconn' }],
  drainServer: ['balance', { type: 'drainServer', node: 'web-1', on: true }],
  setWeight: ['balance', { type: 'setWeight', node: 'web-1', weight: 3 }],
  addServer: ['balance', { type: 'addServer' }],
  setInterconnect: ['scaleout', { type: 'setInterconnect', bps: 1_000_000_000 }],
  setClusterMode: ['ha', { type: 'setClusterMode', mode: 'ft' }],
  runJob: ['beowulf', { type: 'runJob', kind: 'parametric', nodes: 2 }],
  setSmp: ['smp', { type: 'setSmp', processors: 4 }],
  sweep: ['amdahl', { type: 'sweep', kind: 'loop' }],
  killProcess: ['migration', { type: 'killProcess', pid: 110 }],
  failNic: ['beowulf', { type: 'failNic', node: 'n01' }],
  bondStream: ['beowulf', { type: 'bondStream', node: 'n01' }],
  setEthernet: ['beowulf', { type: 'setEthernet', bps: 100_000_000 }],
  setMigration: ['migration', { type: 'setMigration', on: false }],
  setSharedNetwork: ['beowulf', { type: 'setSharedNetwork', on: true }],
  ssiLogin: ['ssi', { type: 'ssiLogin' }],
  ssiTouch: ['ssi', { type: 'ssiTouch', node: 'n02', page: 2, write: true }],
  ssiAdmin: ['ssi', { type: 'ssiAdmin' }],
  ssiRead: ['ssi', { type: 'ssiRead', node: 'n02', file: 1 }],
  ssiService: ['ssi', { type: 'ssiService', node: 'n02', service: 1 }],
  ssiConsole: ['ssi', { type: 'ssiConsole' }],
  mpSet: ['sendrecv', { type: 'mpSet', corruptRate: 0.1 }],
  mpMutate: ['reliable', { type: 'mpMutate', process: 'R1' }],
  rpcSet: ['rpc', { type: 'rpcSet', byRef: true }],
  sunSetDesign: ['sunnet', { type: 'sunSetDesign', design: 'single' }],
  sunLoad: ['sunnet', { type: 'sunLoad', sessions: 3 }],
  sunCaches: ['sungfs', { type: 'sunCaches', on: false }],
  sunFileOp: ['sungfs', { type: 'sunFileOp', node: 'sun-2', op: 'read', path: '/global/www/index.html' }],
  sunMigrate: ['sunnet', { type: 'sunMigrate', pid: 100 }],
};

describe('every command has a schema and a handler', () => {
  it('the schema accepts exactly the command union (checked by tsc)', () => {
    expectTypeOf<ParsedCommand['type']>().toEqualTypeOf<Kind>();
    expectTypeOf<ParsedCommand>().toExtend<EngineCommand>();
  });

  for (const [kind, [preset, cmd, before]] of Object.entries(SAMPLES) as [Kind, [PresetName, EngineCommand, EngineCommand?]][]) {
    it(`${kind}: validated by the schema, handled in the ${preset} preset`, () => {
      expect(parseCommand(JSON.parse(JSON.stringify(cmd)))).toEqual({ cmd });
      const s = presetScenario(preset, 1);
      const sim = createSimulation(buildWorld(s), s.seed);
      // long enough for a cluster to form and bring its groups online
      sim.runUntil(20_000_000);
      if (before) expect(applyCommand(sim, before)).toBeNull();
      // applied, not merely refused with a reason: its handler runs in that preset
      expect(applyCommand(sim, cmd)).toBeNull();
    });
  }
});
