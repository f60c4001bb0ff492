import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { AuditAction, AuditActor } from '@marea/domain/access';
import { PgAuditLog } from '@marea/infra/persistence';
import { requestPrincipal } from './request-principal';

/**
 * Records sensitive actions. Features call it after the change succeeded, with the request
 * they served (its principal and address are taken from it):
 *
 *   await this.audit.record(request, 'customers.exported', { subject: `segment ${id}`, details: { rows } });
 *
 * The action names live in AUDIT_ACTIONS (libs/domain/access).
 */
@Injectable()
export class AuditLog {
  constructor(private readonly log: PgAuditLog) {}

  record(
    request: Request,
    action: AuditAction,
    what: { subject?: string; details?: Record<string, unknown>; actor?: AuditActor | null } = {},
  ): Promise<void> {
    const actor = what.actor === undefined ? requestPrincipal(request) : what.actor;
    return this.log.record({ actor, action, subject: what.subject, details: what.details, ip: request.ip });
  }
}
