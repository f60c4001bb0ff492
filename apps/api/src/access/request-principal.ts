import type { Principal } from '@marea/domain/access';

// Kept beside the request rather than on it, so no code reads a principal it did not get from here.
const principals = new WeakMap<object, Principal>();

export function setRequestPrincipal(request: object, principal: Principal): void {
  principals.set(request, principal);
}

export function requestPrincipal(request: object): Principal | null {
  return principals.get(request) ?? null;
}
