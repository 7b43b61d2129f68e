import type { Application } from 'express';
import { METHODS } from 'node:http';
import { Problem } from './problem';

/**
 * The parts of an Express router layer read here. Express types neither `match` nor `methods`,
 * but they are how its router itself decides which route answers (router 2.x, lib/layer.js).
 */
type RouteLayer = {
  match(path: string): unknown;
  route?: { methods: Readonly<Record<string, boolean | undefined>> };
};

/**
 * The methods the registered routes answer at `path`, sorted, with HEAD wherever GET is (Express
 * answers HEAD with the GET route). Empty when no route has this path.
 */
export function allowedMethods(app: Application, path: string): string[] {
  const methods = new Set<string>();
  for (const layer of app.router.stack as unknown as RouteLayer[]) {
    if (layer.route === undefined || !layer.match(path)) continue;
    const own = Object.keys(layer.route.methods).filter((m) => layer.route?.methods[m] === true);
    // Nest mounts middleware (the request log) as a route for every method on every path: it is
    // no resource, and a route that takes every method can never make a 405 anyway.
    if (own.includes('_all') || own.length >= METHODS.length) continue;
    for (const method of own) methods.add(method.toUpperCase());
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

/** RFC 9110 §15.5.6: the path exists, the method does not; `Allow` lists what does. */
export function methodNotAllowed(method: string, allowed: readonly string[]): Problem {
  const choices =
    allowed.length === 1
      ? allowed[0]
      : `${allowed.slice(0, -1).join(', ')} eller ${allowed.at(-1) ?? ''}`;
  return new Problem(
    405,
    'method_not_allowed',
    `Metoden ${method} stöds inte på den här adressen. Använd ${choices}.`,
    {},
    { Allow: allowed.join(', ') },
  );
}
