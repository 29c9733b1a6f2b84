/**
 * Draws the network on two stacked canvases: a static layer (links, nodes,
 * labels) redrawn only when something on it changes, and an overlay redrawn
 * every frame (messages in flight, utilisation, queues).
 */
import { select, zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3';
import type { TopologyView, WorldView } from '../protocol';
import { Arrivals } from './drawArrivals';
import { BadgeMotion, type Badge } from './drawBadges';
import { MessageBuffers } from './drawMessages';
import { drawOverlay } from './drawOverlay';
import { drawStatic, type DrawContext, type Emphasis } from './drawStatic';
import { GROUP_LABEL_ROOM_PX, type GroupLabel } from './groups';
import { bounds, layoutTopology, type Point } from './layout';
import { LABEL_FONT } from './palette';
import { buildScene, hitTest, type Scene, type Selection, type Transform } from './scene';
import { StaticSignature } from './signature';
import { StaticSnapshot } from './snapshot';

export type { Selection } from './scene';
export type { Badge } from './drawBadges';

/** What the renderer reports back and how it describes itself to assistive technology. */
export interface RendererOptions {
  onSelect(sel: Selection): void;
  ariaLabel: string;
  /** Names a group of nodes (a rack) when zoomed out, in the reader's language. */
  groupLabel?: GroupLabel;
}

/** Something to point at, e.g. the subject of an event chosen in the log. */
export type Highlight = { nodeIndex?: number; linkIndex?: number; messageId?: number } | null;

// world-unit padding around the graph when fitting: rings at the sides, labels below, and on
// the right room for the group badges drawn beside the servers (the rightmost column)
const FIT_PAD = { left: 40, right: 110, top: 40, bottom: 60 };
const MAX_FIT_SCALE = 2;
// from this many nodes a full static redraw costs a good part of a frame, so gestures move a snapshot instead
const GESTURE_SNAPSHOT_NODES = 300;

/** The network picture: layout, drawing, zoom/pan and click selection. */
export class GraphRenderer {
  private readonly staticCanvas: HTMLCanvasElement;
  private readonly overlayCanvas: HTMLCanvasElement;
  private readonly staticCtx: CanvasRenderingContext2D;
  private readonly overlayCtx: CanvasRenderingContext2D;
  private readonly zoomBehavior: ZoomBehavior<HTMLElement, unknown>;
  private readonly resizeObserver: ResizeObserver;
  private readonly buffers = new MessageBuffers();
  private readonly arrivals = new Arrivals();
  private badges: readonly Badge[] = [];
  /** Badges glide to a new owner instead of jumping. */
  private readonly badgeMotion = new BadgeMotion();
  private readonly signature = new StaticSignature();
  private readonly snapshot = new StaticSnapshot();
  private positions = new Map<string, Point>();
  private scene: Scene | null = null;
  private pendingTopology: TopologyView | null = null;
  private view: WorldView | null = null;
  private t: Transform = { k: 1, x: 0, y: 0 };
  private width = 0;
  private height = 0;
  private dpr = 1;
  private selection: Selection = null;
  private highlight: Highlight = null;
  private staticDirty = true;
  private raf = 0;
  // once the user zooms or pans, a new topology no longer refits (it would yank the view away)
  private userMoved = false;
  private destroyed = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly opts: RendererOptions,
  ) {
    container.setAttribute('role', 'img');
    container.setAttribute('aria-label', opts.ariaLabel);
    if (getComputedStyle(container).position === 'static') container.style.position = 'relative';
    this.staticCanvas = this.makeCanvas(false);
    this.overlayCanvas = this.makeCanvas(true);
    this.staticCtx = this.staticCanvas.getContext('2d', { alpha: false })!;
    this.overlayCtx = this.overlayCanvas.getContext('2d')!;
    this.zoomBehavior = zoom<HTMLElement, unknown>()
      // the box's size as last measured (d3's default reads it from the page each time, forcing a layout mid-task)
      .extent(() => [
        [0, 0],
        [this.width, this.height],
      ])
      .scaleExtent([0.02, 8])
      .clickDistance(4)
      .on('start', (e: D3ZoomEvent<HTMLElement, unknown>) => {
        if (e.sourceEvent && (this.scene?.liveNodes ?? 0) >= GESTURE_SNAPSHOT_NODES) this.snapshot.take(this.staticCanvas, this.t);
      })
      .on('zoom', (e: D3ZoomEvent<HTMLElement, unknown>) => {
        const { k, x, y } = e.transform;
        this.t = { k, x, y };
        if (e.sourceEvent) this.userMoved = true;
        this.staticDirty = true;
        this.schedule();
      })
      .on('end', () => {
        if (!this.snapshot.active) return;
        this.snapshot.drop();
        this.staticDirty = true;
        this.schedule();
      });
    select(container).call(this.zoomBehavior);
    container.addEventListener('click', this.onClick);
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(container);
    this.resize();
  }

  /**
   * A new topology, laid out on the next animation frame rather than now: the
   * frame that brings it also re-renders the panels that list machines, and
   * doing both in one task made it a long one. Nodes seen before keep their
   * places (unless nearly all of the world is new).
   */
  setTopology(topo: TopologyView): void {
    this.pendingTopology = topo;
    this.schedule();
  }

  /** Lays out the topology set last, if it has not been yet. */
  private applyTopology(): void {
    const topo = this.pendingTopology;
    if (!topo) return;
    this.pendingTopology = null;
    const live = topo.nodes.filter((n) => !n.removed);
    const known = live.filter((n) => this.positions.has(n.id)).length;
    // another world that happens to share a few ids (a new scenario) deserves a tidy layout of its own
    this.positions = layoutTopology(topo, known * 4 >= live.length ? this.positions : undefined);
    this.scene = buildScene(topo, this.positions);
    this.signature.reset();
    this.staticDirty = true;
    if (!this.userMoved) this.fit();
  }

  /** The latest state of the world; drawn on the next animation frame. */
  setView(view: WorldView): void {
    this.view = view;
    this.schedule();
  }

  /** Labels to draw above nodes (the cluster's groups on their owners). */
  setBadges(badges: readonly Badge[]): void {
    this.badges = badges;
    this.schedule();
  }

  /** Hops that finished since the last frame, shown briefly as a fading streak. */
  addArrivals(hops: Float64Array): void {
    if (hops.length === 0) return;
    this.arrivals.add(hops, performance.now());
    this.schedule();
  }

  setSelection(sel: Selection): void {
    this.selection = sel;
    this.staticDirty = true;
    this.schedule();
  }

  setHighlight(h: Highlight): void {
    const prev = this.highlight;
    this.highlight = h;
    if (prev?.nodeIndex !== h?.nodeIndex || prev?.linkIndex !== h?.linkIndex) this.staticDirty = true;
    this.schedule();
  }

  setAriaLabel(text: string): void {
    this.container.setAttribute('aria-label', text);
  }

  /** A new way of naming groups (the reader changed language): the labels are redrawn. */
  setGroupLabel(label: GroupLabel): void {
    this.opts.groupLabel = label;
    this.staticDirty = true;
    this.schedule();
  }

  /** Zooms back out to the whole graph (after the user has zoomed or panned). */
  fitView(): void {
    this.applyTopology();
    this.snapshot.drop();
    this.fit();
    this.staticDirty = true;
    this.schedule();
  }

  /** Draws synchronously now (for benchmarks); returns the draw time in ms. */
  drawNow(): number {
    if (this.raf) cancelAnimationFrame(this.raf);
    this.raf = 0;
    return this.draw();
  }

  /** Screen position (CSS px, relative to the container) of a node's centre, for tests. */
  screenPositionOf(nodeId: string): { x: number; y: number } | null {
    this.applyTopology();
    const p = this.positions.get(nodeId);
    if (!p) return null;
    return { x: p.x * this.t.k + this.t.x, y: p.y * this.t.k + this.t.y };
  }

  destroy(): void {
    this.destroyed = true;
    if (this.raf) cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.resizeObserver.disconnect();
    this.container.removeEventListener('click', this.onClick);
    select(this.container).on('.zoom', null);
    this.staticCanvas.remove();
    this.overlayCanvas.remove();
    this.container.removeAttribute('role');
    this.container.removeAttribute('aria-label');
  }

  private makeCanvas(overlay: boolean): HTMLCanvasElement {
    const c = document.createElement('canvas');
    c.setAttribute('aria-hidden', 'true');
    Object.assign(c.style, { position: 'absolute', inset: '0', width: '100%', height: '100%', display: 'block', pointerEvents: overlay ? 'none' : 'auto' });
    this.container.appendChild(c);
    return c;
  }

  private readonly onClick = (e: MouseEvent): void => {
    this.applyTopology();
    if (!this.scene) return;
    const r = this.container.getBoundingClientRect();
    this.opts.onSelect(hitTest(this.scene, this.t, e.clientX - r.left, e.clientY - r.top));
  };

  private schedule(): void {
    if (this.raf || this.destroyed) return;
    this.raf = requestAnimationFrame(() => {
      this.raf = 0;
      // moving the window to a screen of another density changes the ratio without resizing the box
      if ((window.devicePixelRatio || 1) !== this.dpr) this.resize();
      else this.draw();
    });
  }

  private resize(): void {
    const w = this.container.clientWidth;
    const h = this.container.clientHeight;
    const dpr = window.devicePixelRatio || 1;
    if (w === this.width && h === this.height && dpr === this.dpr) return;
    this.width = w;
    this.height = h;
    this.dpr = dpr;
    for (const c of [this.staticCanvas, this.overlayCanvas]) {
      c.width = Math.max(1, Math.round(w * dpr));
      c.height = Math.max(1, Math.round(h * dpr));
    }
    this.snapshot.drop();
    this.fit();
    // resizing cleared both canvases: repaint before the browser shows them blank
    this.staticDirty = true;
    this.drawNow();
  }

  /** Zooms so the whole graph fills the container. */
  private fit(): void {
    if (this.width <= 0 || this.height <= 0 || this.positions.size === 0) return;
    const b = bounds(this.positions);
    const w = b.maxX - b.minX + FIT_PAD.left + FIT_PAD.right;
    const h = b.maxY - b.minY + FIT_PAD.top + FIT_PAD.bottom;
    // groups are labelled on their left at a fixed screen size: keep that strip free
    const room = this.scene?.groups.length ? Math.min(GROUP_LABEL_ROOM_PX, this.width / 4) : 0;
    const k = Math.min(MAX_FIT_SCALE, (this.width - room) / w, this.height / h);
    const x = room + (this.width - room) / 2 - ((b.minX - FIT_PAD.left + b.maxX + FIT_PAD.right) / 2) * k;
    const y = this.height / 2 - ((b.minY - FIT_PAD.top + b.maxY + FIT_PAD.bottom) / 2) * k;
    this.zoomBehavior.scaleExtent([Math.min(k / 2, 0.5), Math.max(8, k * 8)]);
    this.zoomBehavior.transform(select(this.container), zoomIdentity.translate(x, y).scale(k));
    this.userMoved = false;
  }

  private drawContext(scene: Scene): DrawContext {
    const px = LABEL_FONT.host * this.t.k;
    // text below ~6.5 px is unreadable; with many nodes, also skip it until it is comfortably large
    const labels = px >= 6.5 && (scene.liveNodes <= 60 || px >= 8.5);
    return { scene, view: this.view, t: this.t, width: this.width, height: this.height, dpr: this.dpr, labels, groupLabel: this.opts.groupLabel };
  }

  private draw(): number {
    this.applyTopology();
    const scene = this.scene;
    if (!scene || this.width <= 0 || this.height <= 0) return 0;
    const t0 = performance.now();
    const dc = this.drawContext(scene);
    const changed = this.view ? this.signature.update(this.view) : false;
    if (this.staticDirty || changed) {
      this.staticDirty = false;
      if (this.snapshot.active) this.snapshot.drawInto(this.staticCtx, this.t, this.dpr);
      else drawStatic(this.staticCtx, dc, this.emphasis(scene));
    }
    drawOverlay(this.overlayCtx, dc, this.buffers, this.highlight?.messageId ?? NaN, this.arrivals, t0, this.badges, this.badgeMotion);
    // keep animating while glows fade, even when the simulation is paused
    if (this.arrivals.active || this.badgeMotion.active) this.schedule();
    return performance.now() - t0;
  }

  private emphasis(scene: Scene): Emphasis {
    const sel = this.selection;
    return {
      selectedNode: sel?.kind === 'node' ? (scene.nodeIndex.get(sel.id) ?? -1) : -1,
      selectedLink: sel?.kind === 'link' ? (scene.linkIndex.get(sel.id) ?? -1) : -1,
      highlightNode: this.highlight?.nodeIndex ?? -1,
      highlightLink: this.highlight?.linkIndex ?? -1,
    };
  }
}
