import { type GraphQLSchema, isObjectType } from 'graphql';

export interface ResolverSpy {
  /** Calls per field (`Type.field`) since the last reset. */
  calls: Map<string, number>;
  /** Of those, the calls whose resolver returned a promise. */
  promised: Map<string, number>;
  reset(): void;
}

/**
 * Wraps every field resolver of `schema` to count its calls. The schema module is one instance per
 * test file (vitest isolates files), so the wrapping stays within the file that asks for it.
 */
export function spyOnResolvers(schema: GraphQLSchema): ResolverSpy {
  const calls = new Map<string, number>();
  const promised = new Map<string, number>();
  const count = (map: Map<string, number>, name: string) => map.set(name, (map.get(name) ?? 0) + 1);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve) continue;
      const name = `${type.name}.${field.name}`;
      field.resolve = (...args) => {
        count(calls, name);
        const result = resolve(...args);
        if (result instanceof Promise) count(promised, name);
        return result;
      };
    }
  }
  return {
    calls,
    promised,
    reset() {
      calls.clear();
      promised.clear();
    },
  };
}

/** A spy on the server's own schema, for tests outside this package (they cannot import it). */
export const spyOnServerResolvers = async (): Promise<ResolverSpy> =>
  spyOnResolvers((await import('../schema/index.ts')).schema);
