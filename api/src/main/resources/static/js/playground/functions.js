/**
 * The playground's two-dimensional test functions, evaluated in the browser for the contour plot; the paths
 * themselves come from the server's engine. Each entry has its plotted window, a default start, its minima and
 * the shading transform that spreads its values over the colour bands.
 * @module playground/functions
 */

/**
 * Rosenbrock's valley (Rosenbrock 1960): f(x, y) = (1 − x)² + 100 (y − x²)², minimum 0 at (1, 1).
 * @param {number} x
 * @param {number} y
 */
function rosenbrock(x, y) {
  return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
}

/**
 * Beale's function (Beale 1958): f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²,
 * minimum 0 at (3, 0.5).
 */
function beale(x, y) {
  return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y ** 3) ** 2;
}

/** The saddle f(x, y) = x² − y²: unbounded below, saddle point at the origin. */
function saddle(x, y) {
  return x * x - y * y;
}

const signedLog = (v) => Math.sign(v) * Math.log1p(Math.abs(v));

/** One function's entry: its label, f, the view [xMin, xMax, yMin, yMax], the start, its minima and the shading. */
const entry = (label, f, [x0, x1, y0, y1], start, minima, shade) =>
  ({ label, f, view: { x: [x0, x1], y: [y0, y1] }, start, minima, shade });

/** The functions the playground offers, by the name the trajectory endpoint takes. */
export const TEST_FUNCTIONS = {
  rosenbrock: entry('Rosenbrock  (1 − x)² + 100(y − x²)²', rosenbrock, [-2, 2, -1, 3], [-1.5, 2], [[1, 1]],
    Math.log1p),
  beale: entry('Beale', beale, [-4.5, 4.5, -4.5, 4.5], [1, 1.5], [[3, 0.5]], Math.log1p),
  saddle: entry('Saddle  x² − y²', saddle, [-2, 2, -2, 2], [-1.5, 0.01], [], signedLog),
};
