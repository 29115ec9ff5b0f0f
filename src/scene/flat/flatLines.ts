import { LINE_LOOK, type LineColor, type LineSink } from '../lineSink';

// The Canvas 2D twin of arrowLayer.ts: the teaching overlays write their segments in world units
// here as they do for the WebGL view, and the 2D drawing strokes them with the same widths
// (CSS pixels), dashes (world units, so their length on screen follows the plot's as in WebGL),
// round ends and dark halo. Only x and z count: the 2D view looks straight down.

/** From the world's (x, z) to canvas CSS pixels, and how many pixels a world unit is. */
export interface FlatProjection {
  readonly pxPerWorld: number;
  toPx(wx: number, wz: number): readonly [number, number];
}

export class FlatLineLayer implements LineSink {
  /** ax, az, bx, bz per segment. */
  private ends: number[] = [];
  private colors: string[] = [];
  private dashes: boolean[] = [];

  constructor(
    /** Line width in CSS pixels (the halo is LINE_LOOK.haloExtra wider). */
    readonly width: number,
    /** Whether segments are dashed unless written solid (arrowheads, rings). */
    readonly dashed: boolean,
  ) {}

  /** Nothing to reserve: the arrays grow. */
  reserve(): void {}

  begin(): void {
    this.ends.length = 0;
    this.colors.length = 0;
    this.dashes.length = 0;
  }

  get count(): number {
    return this.colors.length;
  }

  segment(ax: number, _ay: number, az: number, bx: number, _by: number, bz: number, color: LineColor, dashed = true): void {
    this.ends.push(ax, az, bx, bz);
    this.colors.push(color.getStyle());
    this.dashes.push(this.dashed && dashed);
  }

  /** The halo under every segment, then each segment in its colour. */
  paint(ctx: CanvasRenderingContext2D, projection: FlatProjection): void {
    const n = this.count;
    if (n === 0) return;
    const { toPx, pxPerWorld } = projection;
    ctx.save();
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.setLineDash([]);
    ctx.globalAlpha = LINE_LOOK.haloOpacity;
    ctx.strokeStyle = LINE_LOOK.halo;
    ctx.lineWidth = this.width + LINE_LOOK.haloExtra;
    ctx.beginPath();
    for (let i = 0; i < n; i++) this.trace(ctx, toPx, i);
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.lineWidth = this.width;
    const dash = [LINE_LOOK.dash * pxPerWorld, LINE_LOOK.gap * pxPerWorld];
    for (let i = 0; i < n; i++) {
      // Each segment dashes from its own start, as in WebGL.
      ctx.setLineDash(this.dashes[i] ? dash : []);
      ctx.strokeStyle = this.colors[i];
      ctx.beginPath();
      this.trace(ctx, toPx, i);
      ctx.stroke();
    }
    ctx.restore();
  }

  private trace(ctx: CanvasRenderingContext2D, toPx: FlatProjection['toPx'], i: number): void {
    const e = this.ends;
    const [ax, ay] = toPx(e[4 * i], e[4 * i + 1]);
    const [bx, by] = toPx(e[4 * i + 2], e[4 * i + 3]);
    ctx.moveTo(ax, ay);
    ctx.lineTo(bx, by);
  }
}
