import { useLayoutEffect, useRef, useState } from 'react';

/** Rows drawn beyond each edge of the view, so a fast scroll (or a flick of the wheel) does not show blank space. */
const OVERSCAN = 30;

/**
 * A long list of fixed-height rows, newest first, of which only those in
 * view (plus OVERSCAN) become elements. A reader scrolled into older rows
 * keeps them in view while newer ones arrive on top. `keys` are the rows'
 * ids, larger for newer rows.
 */
export function useWindowedList(keys: readonly number[], rowHeight: number) {
  const box = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 300 });
  // the position as last reported by a scroll event (reading scrollTop on every refresh would force a layout)
  const top = useRef(0);
  const newest = useRef(-1);
  useLayoutEffect(() => {
    const el = box.current;
    const first = keys[0] ?? -1;
    if (el && top.current > 0 && newest.current >= 0 && first > newest.current) {
      let added = 0;
      while (added < keys.length && keys[added]! > newest.current) added++;
      el.scrollTop += added * rowHeight;
    }
    newest.current = first;
  }, [keys, rowHeight]);
  // the box's height is known once it is laid out (and changes with the window): the observer says so after
  // the browser's own layout, where reading it costs nothing (read while mounting, it forced the page's layout then)
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setScroll((sc) => (sc.height === el.clientHeight ? sc : { top: top.current, height: el.clientHeight }));
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const first = Math.max(0, Math.floor(scroll.top / rowHeight) - OVERSCAN);
  const last = Math.min(keys.length, Math.ceil((scroll.top + scroll.height) / rowHeight) + OVERSCAN);
  const onScroll = (e: React.UIEvent<HTMLDivElement>) => {
    top.current = e.currentTarget.scrollTop;
    setScroll({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight });
  };
  const padding = { paddingTop: first * rowHeight, paddingBottom: Math.max(0, keys.length - last) * rowHeight };
  return { box, onScroll, first, last, padding };
}
