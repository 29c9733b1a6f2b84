/**
 * Level of detail for big networks: nodes that hang alone off one switch
 * (a rack of compute nodes, an office floor of clients) form a group. Zoomed
 * out, where each node's own label is unreadable, a group is drawn as a frame
 * with one label (its switch, how many machines, how many are down), so a
 * thousand-node cluster still reads as racks.
 */
import { NF, NODE_STRIDE, type TopologyView, type WorldView } from '../protocol';
import { switchLeaves } from './leaves';
import { FONT_FAMILY, THEME } from './palette';
import type { Transform } from './scene';

/** Fewer leaves than this are drawn (and labelled) one by one at every zoom. */
export const GROUP_MIN = 8;
// world units between the outermost members and the frame: under half the layout's row gap, so frames never touch
const PAD = 26;
// a frame narrower than this on screen is not worth drawing
const MIN_SCREEN_PX = 36;
const LABEL_PX = 12;
/** Screen room the fit leaves left of the graph when it has groups, for their labels. */
export const GROUP_LABEL_ROOM_PX = 150;

/** Leaves of one switch, with the box around them in world coordinates. */
export interface NodeGroup {
  hub: number;
  members: number[];
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** What a group's label says; the page supplies it in the reader's language. */
export type GroupLabel = (hubLabel: string, count: number, down: number) => string;

/** Finds the groups of a drawn topology (wx is NaN for nodes that are not drawn). */
export function findGroups(topo: TopologyView, wx: Float64Array, wy: Float64Array): NodeGroup[] {
  const out: NodeGroup[] = [];
  for (const [hub, leaves] of switchLeaves(topo)) {
    const members = leaves.filter((i) => !Number.isNaN(wx[i]!));
    if (members.length < GROUP_MIN) continue;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const i of members) {
      x0 = Math.min(x0, wx[i]!);
      y0 = Math.min(y0, wy[i]!);
      x1 = Math.max(x1, wx[i]!);
      y1 = Math.max(y1, wy[i]!);
    }
    out.push({ hub, members, x0: x0 - PAD, y0: y0 - PAD, x1: x1 + PAD, y1: y1 + PAD });
  }
  return out.sort((a, b) => a.hub - b.hub);
}

/** Draws each group's frame and label (the context is in world coordinates on entry and on return). */
export function drawGroups(ctx: CanvasRenderingContext2D, groups: readonly NodeGroup[], topo: TopologyView, view: WorldView | null, t: Transform, dpr: number, label: GroupLabel): void {
  const shown = groups.filter((g) => (g.x1 - g.x0) * t.k >= MIN_SCREEN_PX);
  if (shown.length === 0) return;
  ctx.beginPath();
  for (const g of shown) ctx.rect(g.x0, g.y0, g.x1 - g.x0, g.y1 - g.y0);
  ctx.strokeStyle = THEME.groupFrame;
  ctx.lineWidth = 1.5 / t.k;
  ctx.stroke();
  // labels at a fixed screen size, to the left of each frame (the fit leaves room there, GROUP_LABEL_ROOM_PX);
  // a label that would overlap one already drawn is left out until the user zooms in
  ctx.save();
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.font = `600 ${LABEL_PX}px ${FONT_FAMILY}`;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = THEME.background;
  const drawn: { x0: number; y0: number; x1: number; y1: number }[] = [];
  for (const g of shown) {
    let down = 0;
    if (view) for (const i of g.members) if (view.nodes[i * NODE_STRIDE + NF.up] === 0) down++;
    const text = label(topo.nodes[g.hub]!.label, g.members.length, down);
    const width = ctx.measureText(text).width;
    // zoomed in past the frame's left edge, the label stays at the screen's edge, over the frame (it has a halo)
    if (g.x1 * t.k + t.x < width + 12) continue;
    const right = Math.max(g.x0 * t.k + t.x - 6, width + 6);
    const mid = ((g.y0 + g.y1) / 2) * t.k + t.y;
    const box = { x0: right - width, y0: mid - LABEL_PX / 2 - 1, x1: right, y1: mid + LABEL_PX / 2 + 1 };
    if (drawn.some((d) => box.x0 < d.x1 && d.x0 < box.x1 && box.y0 < d.y1 && d.y0 < box.y1)) continue;
    drawn.push(box);
    ctx.fillStyle = down > 0 ? THEME.crashedMark : THEME.text;
    ctx.strokeText(text, right, mid);
    ctx.fillText(text, right, mid);
  }
  ctx.restore();
}
