import type { Dec } from '../decimal';
import type { CellRef } from '../snapshot';

/** What the profile says an 得分 should be. */
export type Expected =
  | {
      kind: 'exact';
      value: Dec;
      basis: 'positive' | 'reverse' | 'equal' | 'achieved' | 'weighted' | 'date' | 'range';
      /** The score under the operator as written, when it contradicts the indicator's nature and gives another. */
      alt?: Dec;
      /** The proportional score before rounding to the profile's places, for a form that rounds to fewer. */
      exact?: Dec;
    }
  /** Any score in [min, max] is the evaluator's call; `short` when the target was plainly missed. */
  | { kind: 'range'; min: Dec; max: Dec; basis: 'qualitative'; short?: boolean }
  | { kind: 'unknown' };

/**
 * 决算/预算 − 1 of one row. A 基础数据表 can carry thousands of project lines and a decimal division is the
 * dearest operation the engine does, so the rate is divided out only when somebody reads it; the threshold test
 * multiplies instead.
 */
export class Variance {
  private rate: Dec | null = null;
  constructor(
    readonly final: Dec,
    readonly budget: Dec,
  ) {}

  get value(): Dec {
    if (this.rate === null) this.rate = this.final.dividedBy(this.budget).minus(1);
    return this.rate;
  }

  /** |决算/预算 − 1| > limit, without dividing (the budget is never 0 here). */
  exceeds(limit: Dec): boolean {
    return this.final.minus(this.budget).abs().greaterThan(limit.times(this.budget.abs()));
  }
}

export interface ComputedValue {
  table: number;
  sheet: string;
  /** The cell the value belongs in, when the template has one. */
  ref: CellRef | null;
  label: string;
  readonly value: Dec;
  kind: 'rate' | 'score' | 'total';
}

export interface BasicComputed {
  staffRate: Dec | null;
  /** Per BasicRow index: 决算/预算 − 1, where the row has a budget. Computed when first read. */
  variance: Map<number, Variance>;
  /** Per BasicRow index and column: the sum of its children, with the number of addends. */
  childSums: Map<string, { value: Dec; addends: number }>;
  buildings: Array<{ areaRate: Dec | null; investRate: Dec | null }>;
}

export interface SelfComputed {
  execRate: Dec | null;
  execScore: Dec | null;
  /** Per indicator index. */
  expected: Expected[];
  /** Layout C: 完成率 recomputed from 目标值 and 业绩值, per indicator index. */
  completion: Array<Dec | null>;
  /** Layout C: 完成率 under the operator as written, where it contradicts the indicator's nature and differs. */
  completionAlt: Array<Dec | null>;
  summary: Summary;
}

export interface Summary {
  weightTotal: Dec;
  statedTotal: Dec | null;
  computedTotal: Dec;
  statedGrade: string | null;
  computedGrade: string | null;
}

export interface Computed {
  basic: Map<number, BasicComputed>;
  self: Map<number, SelfComputed>;
  values: ComputedValue[];
}
