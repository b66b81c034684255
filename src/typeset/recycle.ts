/**
 * The generic recycling symbol, drawn here: three arrows chasing each other round a
 * triangle, as one path in a 100 × 100 box (y down). Each arrow is a band along one side
 * of the triangle that ends in a head pointing at the next corner; the other two are the
 * first turned by a third and two thirds of a turn.
 */
const CENTRE = { x: 50, y: 54 };
/** The triangle's corners lie this far from its centre. */
const RADIUS = 46;
/** The band's width; the head is HEAD times as wide. */
const BAND = 9;
const HEAD = 2.5;
/** Where along its side (as a share of the side) the band starts, the head starts and its tip stands. */
const START = 0.16;
const NECK = 0.56;
const TIP = 0.86;

function arrow(k: number): string {
  const corner = (i: number) => {
    const a = ((-90 + 120 * i) * Math.PI) / 180;
    return { x: CENTRE.x + RADIUS * Math.cos(a), y: CENTRE.y + RADIUS * Math.sin(a) };
  };
  const from = corner(k);
  const to = corner(k + 1);
  const len = Math.hypot(to.x - from.x, to.y - from.y);
  const u = { x: (to.x - from.x) / len, y: (to.y - from.y) / len };
  // Inwards: towards the centre.
  const v = { x: -u.y, y: u.x };
  const inward = (CENTRE.x - from.x) * v.x + (CENTRE.y - from.y) * v.y > 0 ? 1 : -1;
  const at = (along: number, across: number) => {
    const s = along * len;
    const t = across * inward;
    return `${(from.x + u.x * s + v.x * t).toFixed(2)} ${(from.y + u.y * s + v.y * t).toFixed(2)}`;
  };
  const mid = BAND / 2;
  const half = (BAND * HEAD) / 2;
  const points = [at(START, 0), at(NECK, 0), at(NECK, mid - half), at(TIP, mid), at(NECK, mid + half), at(NECK, BAND), at(START + BAND / len, BAND)];
  return `M${points.join('L')}Z`;
}

/** The symbol's path, in a 100 × 100 box. */
export const RECYCLE_PATH = [0, 1, 2].map(arrow).join('');
export const RECYCLE_BOX = 100;
