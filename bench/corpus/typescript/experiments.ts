import { createHash } from "node:crypto";

export interface Variant {
  name: string;
  weight: number;
}

export interface Experiment {
  key: string;
  variants: Variant[];
  surveySampleRate: number;
}

// Sticky bucketing: the same user always lands in the same variant of an experiment.
export function assignVariant(experiment: Experiment, userId: string): Variant {
  const digest = createHash("sha256").update(`${experiment.key}:${userId}`).digest();
  const point = digest.readUInt32BE(0) / 0xffffffff;
  const total = experiment.variants.reduce((sum, v) => sum + v.weight, 0);
  let cumulative = 0;
  for (const variant of experiment.variants) {
    cumulative += variant.weight / total;
    if (point <= cumulative) {
      return variant;
    }
  }
  return experiment.variants[experiment.variants.length - 1];
}

export function shouldShowSurvey(experiment: Experiment): boolean {
  return Math.random() < experiment.surveySampleRate;
}

export function placeholderColor(): string {
  const hue = Math.floor(Math.random() * 360);
  return `hsl(${hue}, 55%, 70%)`;
}
