import { useState } from 'react';
import type { ProcessingClass } from '../../../protocol';
import { useLab } from '../../../store/labStore';
import { columnTitle, isSplit, machinesOf, readModel, shownClass, slotState, STACK, type Machine, type StackLayer } from './layers';
import { useT, type T } from '../../../ui/useT';

interface Picked {
  machine: Machine;
  layer: StackLayer;
}

const SLIDE_CLASS = { present: 'present', toLeft: 'absent to-left', toRight: 'absent to-right' } as const;

/**
 * CS-TERMS and the four classes of processing: each machine's software stack
 * for the class shown, with a short explanation of the layer chosen.
 */
export function LayersPanel() {
  const t = useT();
  const topo = useLab((s) => s.topology);
  const rawModel = useLab((s) => s.panelView?.models.clientserver);
  const selection = useLab((s) => s.selection);
  const [picked, setPicked] = useState<Picked | null>(null);
  if (!topo) return null;
  const machines = machinesOf(topo.nodes);
  const shown = shownClass(topo.nodes, readModel(rawModel), selection);
  const cls = t(`layers.cls.${shown.cls}`);
  const caption = shown.node !== null ? t('layers.caption.node', { node: shown.node, cls }) : t(shown.mixed ? 'layers.caption.default' : 'layers.caption.all', { cls });
  const toggle = (p: Picked) => setPicked((old) => (old && old.machine === p.machine && old.layer === p.layer ? null : p));
  return (
    <section className="panel layers" aria-labelledby="layers-title" data-testid="layers-panel">
      <h2 id="layers-title">{t('layers.title')}</h2>
      <p className="layers-caption" data-testid="layers-caption" data-class={shown.cls}>
        <strong>{caption}</strong>
      </p>
      <p className="layers-about small">{t(`layers.about.${shown.cls}`)}</p>
      <div className="layers-machines" style={{ gridTemplateColumns: `repeat(${Math.max(1, machines.length)}, minmax(0, 1fr))` }}>
        {machines.map((m) => {
          const title = t(`layers.machine.${columnTitle(m, shown.cls, machines)}`);
          return (
            <div key={m} className={`layers-machine machine-${m}`} role="group" aria-labelledby={`layers-machine-${m}`}>
              <h3 id={`layers-machine-${m}`}>{title}</h3>
              {STACK.map((layer, row) => (
                <Slot key={layer} t={t} cls={shown.cls} machine={m} machines={machines} layer={layer} row={row} title={title} picked={picked} onPick={toggle} />
              ))}
              {m === 'client' && (
                <div className={`layer-slot layer-terminal ${shown.cls === 'host' ? 'present' : 'absent to-right'}`} aria-hidden={shown.cls !== 'host'}>
                  {t('layers.terminal')}
                </div>
              )}
            </div>
          );
        })}
      </div>
      <div className="layers-explain" aria-live="polite" data-testid="layers-explain">
        {picked ? (
          <>
            <h3>{t(`layers.name.${picked.layer}`)}</h3>
            <p>{t(`layers.explain.${picked.layer}`)}</p>
          </>
        ) : (
          <p className="muted small">{t('layers.hint')}</p>
        )}
      </div>
    </section>
  );
}

interface SlotProps {
  t: T;
  cls: ProcessingClass;
  machine: Machine;
  machines: readonly Machine[];
  layer: StackLayer;
  /** Its row in the stack: rows line up across machines so a layer moves sideways. */
  row: number;
  title: string;
  picked: Picked | null;
  onPick: (p: Picked) => void;
}

/**
 * One layer box. Every slot keeps its place in the DOM and in the grid so
 * that a class change animates (the box fades out sliding towards the
 * machine that now runs the layer, and fades in from where it was); absent
 * boxes are inert and hidden from assistive technology.
 */
function Slot({ t, cls, machine, machines, layer, row, title, picked, onPick }: SlotProps) {
  const state = slotState(cls, machine, layer, machines);
  const present = state === 'present';
  const half = present && isSplit(cls, layer, machines);
  const name = half ? t('layers.half', { layer: t(`layers.name.${layer}`) }) : t(`layers.name.${layer}`);
  const pressed = present && picked !== null && picked.machine === machine && picked.layer === layer;
  return (
    <button
      type="button"
      className={`layer-slot layer-${layer} ${SLIDE_CLASS[state]}`}
      data-testid={present ? `layer-${machine}-${layer}` : undefined}
      aria-pressed={present ? pressed : undefined}
      aria-label={t('layers.on', { layer: name, machine: title })}
      aria-hidden={present ? undefined : true}
      tabIndex={present ? undefined : -1}
      inert={!present}
      style={{ gridRow: row + 2 }}
      onClick={() => onPick({ machine, layer })}
    >
      {name}
    </button>
  );
}
