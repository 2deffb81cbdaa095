/**
 * Draws a test function's contour plot and optimizer paths on a canvas. The function is sampled at every pixel,
 * its shaded value cut into {@link BANDS} equal bands, and a contour line drawn wherever two neighbouring pixels
 * fall into different bands.
 * @module playground/contour
 */

const BANDS = 20;
const BAND_HUE = 210;
const LIGHTEST = 97;
const DARKEST = 72;
const LINE_LIGHTNESS = 55;
const TICKS = 4;
const MARKER_RADIUS = 4;

/** Maps a point of the function's window to canvas pixels. */
function toCanvas(view, canvas, x, y) {
  const px = ((x - view.x[0]) / (view.x[1] - view.x[0])) * canvas.width;
  const py = ((view.y[1] - y) / (view.y[1] - view.y[0])) * canvas.height;
  return [px, py];
}

function bandsOf(fn, width, height) {
  const shades = new Float64Array(width * height);
  let min = Infinity;
  let max = -Infinity;
  for (let py = 0; py < height; py += 1) {
    const y = fn.view.y[1] - ((py + 0.5) / height) * (fn.view.y[1] - fn.view.y[0]);
    for (let px = 0; px < width; px += 1) {
      const x = fn.view.x[0] + ((px + 0.5) / width) * (fn.view.x[1] - fn.view.x[0]);
      const shade = fn.shade(fn.f(x, y));
      shades[py * width + px] = shade;
      min = Math.min(min, shade);
      max = Math.max(max, shade);
    }
  }
  const scale = BANDS / (max - min || 1);
  return shades.map((s) => Math.min(BANDS - 1, Math.floor((s - min) * scale)));
}

function hslToRgb(h, s, l) {
  const a = s * Math.min(l, 1 - l);
  const channel = (n) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [channel(0), channel(8), channel(4)];
}

/** Fills the canvas with the banded contour plot of `fn` over its window. */
export function drawContour(canvas, fn) {
  const { width, height } = canvas;
  const ctx = canvas.getContext('2d');
  const bands = bandsOf(fn, width, height);
  const image = ctx.createImageData(width, height);
  const fills = Array.from({ length: BANDS },
    (_, b) => hslToRgb(BAND_HUE, 0.5, (LIGHTEST - ((LIGHTEST - DARKEST) * b) / (BANDS - 1)) / 100));
  const line = hslToRgb(BAND_HUE, 0.35, LINE_LIGHTNESS / 100);
  for (let i = 0; i < bands.length; i += 1) {
    const right = i % width < width - 1 ? bands[i + 1] : bands[i];
    const below = i + width < bands.length ? bands[i + width] : bands[i];
    const rgb = right !== bands[i] || below !== bands[i] ? line : fills[bands[i]];
    image.data[i * 4] = rgb[0];
    image.data[i * 4 + 1] = rgb[1];
    image.data[i * 4 + 2] = rgb[2];
    image.data[i * 4 + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
  drawTicks(ctx, fn.view, canvas);
  fn.minima.forEach(([x, y]) => drawMarker(ctx, toCanvas(fn.view, canvas, x, y), '#000', 'cross'));
}

function drawTicks(ctx, view, canvas) {
  ctx.fillStyle = '#1f2933';
  ctx.font = '12px system-ui, sans-serif';
  for (let i = 1; i < TICKS; i += 1) {
    const x = view.x[0] + ((view.x[1] - view.x[0]) * i) / TICKS;
    const y = view.y[0] + ((view.y[1] - view.y[0]) * i) / TICKS;
    ctx.fillText(`x=${+x.toFixed(2)}`, toCanvas(view, canvas, x, 0)[0] - 14, canvas.height - 6);
    ctx.fillText(`y=${+y.toFixed(2)}`, 4, toCanvas(view, canvas, 0, y)[1] + 4);
  }
}

function drawMarker(ctx, [px, py], color, shape) {
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 2;
  ctx.beginPath();
  if (shape === 'cross') {
    ctx.moveTo(px - MARKER_RADIUS, py - MARKER_RADIUS);
    ctx.lineTo(px + MARKER_RADIUS, py + MARKER_RADIUS);
    ctx.moveTo(px + MARKER_RADIUS, py - MARKER_RADIUS);
    ctx.lineTo(px - MARKER_RADIUS, py + MARKER_RADIUS);
    ctx.stroke();
  } else {
    ctx.arc(px, py, MARKER_RADIUS, 0, 2 * Math.PI);
    if (shape === 'ring') ctx.stroke();
    else ctx.fill();
  }
}

/**
 * Draws one optimizer's path: a ring at the start, the line through its finite points, a dot at its end.
 * @param {HTMLCanvasElement} canvas
 * @param {{view: Object}} fn
 * @param {Array<{x: number[]}>} points
 * @param {string} color
 */
export function drawPath(canvas, fn, points, color) {
  const ctx = canvas.getContext('2d');
  const pixels = points.map((p) => toCanvas(fn.view, canvas, Number(p.x[0]), Number(p.x[1])))
    .filter(([px, py]) => Number.isFinite(px) && Number.isFinite(py));
  if (!pixels.length) return;
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  ctx.beginPath();
  pixels.forEach(([px, py], i) => (i === 0 ? ctx.moveTo(px, py) : ctx.lineTo(px, py)));
  ctx.stroke();
  drawMarker(ctx, pixels[0], color, 'ring');
  drawMarker(ctx, pixels[pixels.length - 1], color, 'dot');
}
