import { createRequire } from "node:module";

/**
 * Remembers which routes a pathname matches (record 0029).
 *
 * React Router's `matchRoutes` flattens, ranks and compiles a regular
 * expression for every route of the app on every call, and one page request
 * calls it four to five times (server matching, the static handler, the
 * rendered `<Routes>`, and lazy route discovery for `/` and each parent path).
 * With ~100 routes that was 2–3 ms of CPU per request, the largest single cost
 * of a bare page. The answer only depends on the routes' shape (ids, paths,
 * index flags) and the pathname, so we keep it per shape and pathname, and hand
 * back the matching route objects of the tree the caller passed in.
 *
 * Anything unexpected (a route without an id, a location with a query, a tree
 * we cannot map) goes to the original function, so the cache can only ever be
 * skipped, never wrong.
 */

type RouteLike = { id?: unknown; path?: unknown; index?: unknown; caseSensitive?: unknown; children?: RouteLike[] };
type Match = { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; route: RouteLike };
type MatchRoutes = (routes: RouteLike[], location: unknown, basename?: string) => Match[] | null;
type Remembered = { params: Record<string, string | undefined>; steps: { id: string; pathname: string; pathnameBase: string }[] } | null;

const MARK = Symbol.for("samen-onderzoeken.route-match-cache");
/** Pathnames remembered per route shape (least recently used go first). */
const PATHS_PER_SHAPE = 1000;
/** A build has one or two shapes (server routes, rendered routes); more means something else is going on. */
const MAX_SHAPES = 8;

/** A string that is equal for two route trees exactly when React Router would match them alike; null when we cannot tell. */
function shapeOf(routes: RouteLike[]): string | null {
  const parts: string[] = [];
  const walk = (list: RouteLike[]): boolean => {
    parts.push("[");
    for (const route of list) {
      if (typeof route.id !== "string") return false;
      parts.push(JSON.stringify([route.id, route.path ?? null, route.index === true, route.caseSensitive === true]));
      if (route.children && route.children.length > 0 && !walk(route.children)) return false;
    }
    parts.push("]");
    return true;
  };
  return walk(routes) ? parts.join("") : null;
}

function pathnameOf(location: unknown): string | null {
  if (typeof location === "string") return /[?#]/.test(location) ? null : location;
  if (location && typeof location === "object") {
    const { pathname } = location as { pathname?: unknown };
    return typeof pathname === "string" ? pathname : null;
  }
  return null;
}

/** Wraps a `matchRoutes` function; exported for the tests. */
export function cachedMatchRoutes(original: MatchRoutes): MatchRoutes {
  const shapes = new WeakMap<object, string | null>();
  const byShape = new Map<string, Map<string, Remembered>>();

  return function matchRoutes(routes, location, basename = "/") {
    const pathname = pathnameOf(location);
    if (pathname === null || !Array.isArray(routes)) return original(routes, location, basename);
    let shape = shapes.get(routes);
    if (shape === undefined) {
      shape = shapeOf(routes);
      shapes.set(routes, shape);
    }
    if (shape === null) return original(routes, location, basename);
    let cache = byShape.get(shape);
    if (!cache) {
      if (byShape.size >= MAX_SHAPES) byShape.clear();
      cache = new Map();
      byShape.set(shape, cache);
    }
    const key = `${basename}\u0000${pathname}`;
    const remembered = cache.get(key);
    if (remembered === undefined) {
      const matches = original(routes, location, basename);
      if (cache.size >= PATHS_PER_SHAPE) cache.delete(cache.keys().next().value!);
      cache.set(
        key,
        matches
          ? {
              params: { ...matches[matches.length - 1]?.params },
              steps: matches.map((m) => ({ id: m.route.id as string, pathname: m.pathname, pathnameBase: m.pathnameBase })),
            }
          : null,
      );
      return matches;
    }
    cache.delete(key); // most recently used last
    cache.set(key, remembered);
    if (remembered === null) return null;
    // As React Router does: every match of a branch shares one params object.
    const params = { ...remembered.params };
    const result: Match[] = [];
    let level: RouteLike[] | undefined = routes;
    for (const step of remembered.steps) {
      const route: RouteLike | undefined = level?.find((r) => r.id === step.id);
      if (!route) return original(routes, location, basename);
      result.push({ params, pathname: step.pathname, pathnameBase: step.pathnameBase, route });
      level = route.children;
    }
    return result;
  };
}

/**
 * Installs the cache on the one `@remix-run/router` module the server loads.
 * The Remix request handler, `<Routes>` and lazy route discovery all call it
 * through that module's exports, so replacing the export reaches them.
 * Returns false when the module does not look as expected (then nothing changes).
 */
export function installRouteMatchCache(): boolean {
  const router = createRequire(import.meta.url)("@remix-run/router") as { matchRoutes?: MatchRoutes & { [MARK]?: true } };
  const original = router.matchRoutes;
  if (typeof original !== "function") return false;
  if (original[MARK]) return true;
  const descriptor = Object.getOwnPropertyDescriptor(router, "matchRoutes");
  if (!descriptor?.writable) return false;
  const cached = Object.assign(cachedMatchRoutes(original), { [MARK]: true as const });
  router.matchRoutes = cached;
  return true;
}
