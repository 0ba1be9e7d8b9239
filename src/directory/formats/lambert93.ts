// Lambert 93 (EPSG:2154), the projection of FINESS coordinates in metropolitan France, to and from
// WGS 84 degrees. IGN formulas (notes NTG_71, algorithms ALG0001–ALG0004) for a Lambert conformal
// conic with two standard parallels on the GRS80 ellipsoid. RGF93 and WGS 84 differ by a few
// centimetres, far below what a directory needs, so no datum shift is applied.

const A = 6378137; // GRS80 semi-major axis, metres
const FLATTENING = 1 / 298.257222101;
const E = Math.sqrt(2 * FLATTENING - FLATTENING * FLATTENING);

const DEG = Math.PI / 180;
const PHI_1 = 44 * DEG;
const PHI_2 = 49 * DEG;
const PHI_0 = 46.5 * DEG;
const LAMBDA_0 = 3 * DEG;
const X_0 = 700000;
const Y_0 = 6600000;
const TOLERANCE = 1e-11;

/** the "m" of the IGN notes: radius of the parallel divided by a */
function parallelRadius(phi: number): number {
  return Math.cos(phi) / Math.sqrt(1 - (E * Math.sin(phi)) ** 2);
}

/** the "t" of the IGN notes, from the isometric latitude */
function isometricFactor(phi: number): number {
  const eSin = E * Math.sin(phi);
  return Math.tan(Math.PI / 4 - phi / 2) / ((1 - eSin) / (1 + eSin)) ** (E / 2);
}

const N = (Math.log(parallelRadius(PHI_1)) - Math.log(parallelRadius(PHI_2))) / (Math.log(isometricFactor(PHI_1)) - Math.log(isometricFactor(PHI_2)));
const SCALE = (A * parallelRadius(PHI_1)) / (N * isometricFactor(PHI_1) ** N);
const RHO_0 = SCALE * isometricFactor(PHI_0) ** N;

export function wgs84ToLambert93(latitude: number, longitude: number): { x: number; y: number } {
  const rho = SCALE * isometricFactor(latitude * DEG) ** N;
  const theta = N * (longitude * DEG - LAMBDA_0);
  return { x: X_0 + rho * Math.sin(theta), y: Y_0 + RHO_0 - rho * Math.cos(theta) };
}

export function lambert93ToWgs84(x: number, y: number): { latitude: number; longitude: number } {
  const dx = x - X_0;
  const dy = RHO_0 - (y - Y_0);
  const rho = Math.hypot(dx, dy);
  const t = (rho / SCALE) ** (1 / N);
  const longitude = LAMBDA_0 + Math.atan2(dx, dy) / N;
  return { latitude: latitudeFromIsometric(t) / DEG, longitude: longitude / DEG };
}

/** the latitude has no closed form: iterate until it moves less than TOLERANCE radians */
function latitudeFromIsometric(t: number): number {
  let phi = Math.PI / 2 - 2 * Math.atan(t);
  for (let i = 0; i < 50; i++) {
    const eSin = E * Math.sin(phi);
    const next = Math.PI / 2 - 2 * Math.atan(t * ((1 - eSin) / (1 + eSin)) ** (E / 2));
    if (Math.abs(next - phi) < TOLERANCE) return next;
    phi = next;
  }
  return phi;
}
