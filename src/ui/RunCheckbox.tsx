import { startTransition, useOptimistic } from 'react';

/**
 * A checkbox for a setting of the run. The run's state lives in the worker,
 * so a plain controlled checkbox would spring back on click and turn over
 * only when the worker's next frame says so; this one shows the click at once
 * and then settles on what the run says (a refused command puts it back).
 */
export function RunCheckbox({ checked, onToggle, testId }: { checked: boolean; onToggle: (on: boolean) => Promise<unknown>; testId: string }) {
  const [shown, show] = useOptimistic(checked);
  return (
    <input
      type="checkbox"
      checked={shown}
      onChange={(e) => {
        const on = e.target.checked;
        startTransition(async () => {
          show(on);
          await onToggle(on);
        });
      }}
      data-testid={testId}
    />
  );
}
