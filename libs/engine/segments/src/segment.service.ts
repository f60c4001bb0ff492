import {
  SegmentEdit,
  SegmentInput,
  SegmentMembersQuery,
  SegmentPreviewRequest,
  type Segment,
  type SegmentMember,
  type SegmentMemberPage,
  type SegmentPreview,
  type SegmentSizePoint,
} from '@marea/contracts';
import type * as z from 'zod';
import { SegmentError } from './segment-error';
import type { SegmentChanges, SegmentRepository } from './segment-repository';
import type { CheckedRule, SegmentRules } from './segment-rules';

export interface SegmentServiceOptions {
  readonly repository: SegmentRepository;
  readonly rules: SegmentRules;
  readonly now?: () => Date;
  /** How long a preview may run before it is stopped (default 5 s). */
  readonly previewTimeoutMs?: number;
  /** Called when a segment needs computing now (a worker in this process can start at once). */
  readonly onComputationQueued?: () => void;
}

const PREVIEW_SIZE = 50;

/** The segment use cases behind the API: define, change, preview, read members and history. */
export class SegmentService {
  private readonly now: () => Date;

  constructor(private readonly options: SegmentServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async create(body: unknown, createdBy: string | null): Promise<Segment> {
    const input = parse(SegmentInput, body);
    const rule = await this.checkRule(input.rule, input.code);
    const segment = await this.options.repository.create({ input, rule, createdBy });
    if (segment.active) this.options.onComputationQueued?.();
    return segment;
  }

  async edit(code: string, body: unknown): Promise<Segment> {
    const edit = parse(SegmentEdit, body);
    const current = await this.get(code);
    if (edit.rule !== undefined && current.lockedAt) {
      throw new SegmentError(
        'SEGMENT_LOCKED',
        `The static segment "${code}" was computed on ${current.lockedAt} and is locked: its rule cannot change. ` +
          'Create a new segment with the new rule instead.',
      );
    }
    const { rule, ...rest } = edit;
    const changes: SegmentChanges = rule === undefined ? rest : { ...rest, rule: await this.checkRule(rule, code) };
    return this.saved(code, changes);
  }

  setActive(code: string, active: boolean): Promise<Segment> {
    return this.saved(code, { active });
  }

  async delete(code: string): Promise<void> {
    if (!(await this.options.repository.delete(code))) throw notFound(code);
  }

  async get(code: string): Promise<Segment> {
    const segment = await this.options.repository.get(code);
    if (!segment) throw notFound(code);
    return segment;
  }

  list(): Promise<Segment[]> {
    return this.options.repository.list();
  }

  /** A page of the current members; `query` holds `page` and `pageSize` as a URL gives them. */
  async members(code: string, query: unknown): Promise<SegmentMemberPage> {
    const { page, pageSize } = parse(SegmentMembersQuery, query);
    return this.options.repository.members((await this.get(code)).id, page, pageSize);
  }

  async exportMembers(code: string): Promise<AsyncIterable<SegmentMember[]>> {
    return this.options.repository.streamMembers((await this.get(code)).id);
  }

  async sizeHistory(code: string, limit = 500): Promise<SegmentSizePoint[]> {
    return this.options.repository.sizeHistory((await this.get(code)).id, limit);
  }

  /** Who an unsaved rule selects right now: the count and the first 50 customers. */
  async preview(body: unknown): Promise<SegmentPreview> {
    const checked = await this.checkRule(parse(SegmentPreviewRequest, body).rule);
    const evaluatedAt = this.now();
    const compiled = await this.options.rules.compile(checked.value, evaluatedAt, 'whole-base');
    const found = await this.options.repository.preview(compiled, PREVIEW_SIZE, this.options.previewTimeoutMs ?? 5000);
    return { ...found, evaluatedAt: evaluatedAt.toISOString() };
  }

  private async saved(code: string, changes: SegmentChanges): Promise<Segment> {
    const segment = await this.options.repository.update(code, changes);
    if (!segment) throw notFound(code);
    if (changes.rule !== undefined || changes.active) this.options.onComputationQueued?.();
    return segment;
  }

  private async checkRule(rule: unknown, code?: string): Promise<CheckedRule> {
    const checked = await this.options.rules.check(rule, code);
    if ('rule' in checked) return checked.rule;
    const { problems } = checked;
    throw new SegmentError(
      'INVALID_SEGMENT',
      problems.length === 1 ? `The rule has a problem: ${problems[0].message}.` : `The rule has ${problems.length} problems.`,
      problems.map((problem) => ({ field: problem.path ? `rule.${problem.path}` : 'rule', message: problem.message })),
    );
  }
}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', message: issue.message }));
  const message = details.length === 1 ? `${details[0].field}: ${details[0].message}` : `The segment has ${details.length} problems.`;
  throw new SegmentError('INVALID_SEGMENT', message, details);
}

function notFound(code: string): SegmentError {
  return new SegmentError('SEGMENT_NOT_FOUND', `There is no segment with the code "${code}".`);
}
