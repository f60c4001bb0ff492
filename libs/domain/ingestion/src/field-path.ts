/** A place in an item: `field` inside it (`lines[1].quantity`), empty for the item as a whole. */
export interface FieldError {
  field: string;
  message: string;
}

/** `['lines', 1, 'quantity']` → `lines[1].quantity`, the way integrators read a place in JSON. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    const plain = /^[A-Za-z_$][\w$]*$/.test(name);
    if (!plain) return `${text}[${JSON.stringify(name)}]`;
    return text ? `${text}.${name}` : name;
  }, '');
}

/** The same place seen from the request body: `items[3]` + `.lines[1].quantity`. */
export function itemPath(index: number, field: string): string {
  if (!field) return `items[${index}]`;
  return field.startsWith('[') ? `items[${index}]${field}` : `items[${index}].${field}`;
}

/** Joins a parent field and a child path: `attributes` + `vip` → `attributes.vip`. */
export function childField(parent: string, child: string): string {
  if (!parent) return child;
  if (!child) return parent;
  return child.startsWith('[') ? `${parent}${child}` : `${parent}.${child}`;
}
