/**
 * The averaged perceptron (Collins 2002) over the same examples as softmax.ts: in a fixed order for a fixed number
 * of epochs, a mistake moves the weights toward the best-scoring accepted class and away from the predicted one; the
 * weights returned are the average over every step, which generalises far better than the last ones.
 */
import type { Example, SoftmaxWeights } from './softmax.js';
import { logits } from './softmax.js';

export function argmax(z: ArrayLike<number>): number {
  let best = 0;
  for (let c = 1; c < z.length; c++) if (z[c] > z[best]) best = c;
  return best;
}

export function trainPerceptron(
  examples: readonly Example[],
  features: number,
  classes: number,
  epochs = 10,
): SoftmaxWeights {
  const w: SoftmaxWeights = { weights: new Float64Array(features * classes), bias: new Float64Array(classes) };
  // the averaging trick: u accumulates step·update, and the average is w − u/step
  const uw = new Float64Array(features * classes);
  const ub = new Float64Array(classes);
  let step = 1;
  for (let e = 0; e < epochs; e++) {
    for (const ex of examples) {
      const z = logits(w, ex.x, classes);
      const truth = ex.y.reduce((b, c) => (z[c] > z[b] ? c : b), ex.y[0]);
      // a mistake: a class it does not accept scores as high as the best it accepts (a tie is no answer)
      let guess = -1;
      for (let c = 0; c < classes; c++) if (!ex.y.includes(c) && (guess < 0 || z[c] > z[guess])) guess = c;
      if (guess >= 0 && z[guess] >= z[truth]) {
        for (const [c, s] of [
          [truth, 1],
          [guess, -1],
        ] as const) {
          w.bias[c] += s;
          ub[c] += step * s;
          for (const f of ex.x) {
            w.weights[f * classes + c] += s;
            uw[f * classes + c] += step * s;
          }
        }
      }
      step++;
    }
  }
  const avg: SoftmaxWeights = { weights: new Float64Array(w.weights.length), bias: new Float64Array(classes) };
  for (let i = 0; i < uw.length; i++) avg.weights[i] = w.weights[i] - uw[i] / step;
  for (let c = 0; c < classes; c++) avg.bias[c] = w.bias[c] - ub[c] / step;
  return avg;
}
