import { useState } from 'react';
import { maxNodes } from '../../../scenario/scenario';
import { loadScenario, useLab } from '../../../store/labStore';
import { fmtNum } from '../../../ui/format';
import { useT } from '../../../ui/useT';

/** Node count of the cluster (2 up to what the preset takes): a new run of the same preset and seed with that many nodes. */
export function ClusterSize({ current }: { current: number }) {
  const t = useT();
  const scenario = useLab((s) => s.scenario);
  const max = maxNodes(scenario.preset);
  const [n, setN] = useState(current);
  const valid = Number.isInteger(n) && n >= 2 && n <= max;
  return (
    <form
      className="cluster-size"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) loadScenario({ ...scenario, nodes: n });
      }}
    >
      <label>
        <span>{t('cluster.size', { max: fmtNum(max) })} </span>
        <input type="number" min={2} max={max} value={n} onChange={(e) => setN(Number(e.target.value))} data-testid="cluster-size" aria-invalid={!valid} />
      </label>
      <button type="submit" disabled={!valid || n === current} data-testid="cluster-size-apply">
        {t('cluster.sizeApply')}
      </button>
    </form>
  );
}
