import { describe, expect, it } from 'vitest';
import { CLASSES } from '../../../protocol';
import { columnTitle, isSplit, layersOn, machinesOf, readModel, shownClass, slotState, stackOn, type Machine, type NodeLike } from './layers';

const names = (cls: Parameters<typeof layersOn>[0], m: Machine, machines?: readonly Machine[]) => layersOn(cls, m, machines).map((b) => b.layer);

const node = (id: string, kind: string, removed = false): NodeLike => ({ id, kind, label: id.replace('client-', 'pc-0'), removed });
const office = [node('app', 'server'), node('db', 'db'), node('sw', 'switch'), node('client-1', 'client'), node('client-2', 'client')];
const mainframe = [node('host', 'server'), node('sw', 'switch'), node('client-1', 'client')];
const database = [node('db', 'db'), node('sw', 'switch'), node('client-1', 'client')];

describe('layers per machine', () => {
  it('a thin client has only presentation; the servers do the rest', () => {
    expect(names('server', 'client')).toEqual(['presentation']);
    expect(names('server', 'server')).toEqual(['application']);
    expect(names('server', 'db')).toEqual(['dbLogic', 'dbms']);
  });

  it('a host-based terminal has nothing but I/O; the central host has every layer', () => {
    const m = machinesOf(mainframe);
    expect(names('host', 'client', m)).toEqual([]);
    expect(names('host', 'server', m)).toEqual(['presentation', 'application', 'dbLogic', 'dbms']);
    expect(stackOn('host', 'client', m).map((b) => b.layer)).toEqual(['middleware', 'tcpip']);
  });

  it('a fat client has presentation and application; validation stays on the database server', () => {
    expect(names('client', 'client')).toEqual(['presentation', 'application']);
    expect(names('client', 'server')).toEqual([]);
    expect(names('client', 'db')).toEqual(['dbLogic', 'dbms']);
  });

  it('cooperative runs half the application on the client and half on the server', () => {
    expect(names('coop', 'client')).toEqual(['presentation', 'application']);
    expect(names('coop', 'server')).toEqual(['application']);
    expect(layersOn('coop', 'client').find((b) => b.layer === 'application')?.half).toBe(true);
    expect(isSplit('coop', 'application')).toBe(true);
    expect(isSplit('server', 'application')).toBe(false);
  });

  it('every existing machine ends with middleware and TCP/IP, for every class', () => {
    for (const cls of CLASSES) {
      for (const m of ['client', 'server', 'db'] as const) {
        expect(stackOn(cls, m).slice(-2).map((b) => b.layer)).toEqual(['middleware', 'tcpip']);
      }
    }
    expect(stackOn('server', 'db', machinesOf(mainframe))).toEqual([]);
  });

  it('each application layer is on at least one machine in every preset', () => {
    for (const nodes of [office, mainframe, database]) {
      const m = machinesOf(nodes);
      for (const cls of CLASSES) {
        const all = m.flatMap((x) => names(cls, x, m));
        expect(new Set(all)).toEqual(new Set(['presentation', 'application', 'dbLogic', 'dbms']));
      }
    }
  });

  it('a two-tier database world folds the server role into the database server', () => {
    const m = machinesOf(database);
    expect(m).toEqual(['client', 'db']);
    expect(names('server', 'db', m)).toEqual(['application', 'dbLogic', 'dbms']);
  });
});

describe('columns and motion', () => {
  it('finds the machines and names the mainframe a central host', () => {
    expect(machinesOf(office)).toEqual(['client', 'server', 'db']);
    expect(machinesOf([...office.slice(0, 1), node('db', 'db', true), ...office.slice(2)])).toEqual(['client', 'server']);
    expect(columnTitle('server', 'host', machinesOf(mainframe))).toBe('host');
    expect(columnTitle('server', 'server', machinesOf(office))).toBe('server');
    expect(columnTitle('client', 'host', machinesOf(mainframe))).toBe('terminal');
  });

  it('an absent box slides towards the machine that runs the layer', () => {
    expect(slotState('server', 'client', 'application')).toBe('toRight');
    expect(slotState('client', 'server', 'application')).toBe('toLeft');
    expect(slotState('client', 'client', 'application')).toBe('present');
    expect(slotState('client', 'client', 'dbms')).toBe('toRight');
    expect(slotState('host', 'client', 'tcpip')).toBe('present');
  });
});

describe('which class is shown', () => {
  const model = { classes: [-1, -1, -1, 1, 2], defaultClass: 1 };

  it('shows the selected client class, else the default', () => {
    expect(shownClass(office, model, { kind: 'node', id: 'client-2' })).toEqual({ cls: 'client', node: 'pc-02', mixed: false });
    expect(shownClass(office, model, null)).toEqual({ cls: 'server', node: null, mixed: true });
    expect(shownClass(office, model, { kind: 'node', id: 'app' }).node).toBeNull();
    expect(shownClass(office, { classes: [-1, -1, -1, 3, 3], defaultClass: 3 }, { kind: 'link', id: 'x' })).toEqual({ cls: 'coop', node: null, mixed: false });
  });

  it('reads the model defensively', () => {
    expect(readModel(undefined)).toBeNull();
    expect(readModel({ classes: 'x', defaultClass: 1 })).toBeNull();
    expect(readModel({ classes: [1, 'a'], defaultClass: 0 })).toEqual({ classes: [1, -1], defaultClass: 0 });
    expect(shownClass(office, null, null).cls).toBe('server');
  });
});
