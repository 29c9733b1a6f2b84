import { useLab } from '../store/labStore';
import { nodeLabel } from './format';

/**
 * A labelled choice of machines (network indices), valued by node id: the
 * "on which node" picker of the lab panels.
 */
export function NodeSelect({ label, nodes, value, onChange, testId, suffix }: { label: string; nodes: readonly number[]; value: string; onChange: (id: string) => void; testId?: string; suffix?: (i: number) => string }) {
  const topo = useLab((s) => s.topology);
  return (
    <label>
      <span>{label} </span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {nodes.map((n, i) => (
          <option key={n} value={topo?.nodes[n]?.id}>
            {nodeLabel(topo, n)}
            {suffix ? ` ${suffix(i)}` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
