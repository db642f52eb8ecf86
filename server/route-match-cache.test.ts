import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { cachedMatchRoutes } from "./route-match-cache";

type MatchRoutes = Parameters<typeof cachedMatchRoutes>[0];
const { matchRoutes } = createRequire(import.meta.url)("@remix-run/router") as { matchRoutes: MatchRoutes };

/** A tree shaped like the app's: a root layout, index, static, dynamic, nested, splat and pathless routes. */
function tree() {
  return [
    {
      id: "root",
      path: "",
      children: [
        { id: "routes/_index", index: true },
        { id: "routes/vragen._index", path: "vragen", index: true },
        { id: "routes/vragen.$id", path: "vragen/:id" },
        { id: "routes/vragen.$id_.bewerken", path: "vragen/:id/bewerken" },
        { id: "routes/plannen.$id", path: "plannen/:id", children: [{ id: "routes/plannen.$id.x", path: "x" }] },
        { id: "routes/regio[.]csv", path: "regio.csv" },
        { id: "routes/layout", children: [{ id: "routes/layout.a", path: "a" }] },
        { id: "routes/$", path: "*" },
      ],
    },
  ];
}

const PATHS = ["/", "/vragen", "/vragen/", "/vragen/123", "/vragen/abc%20d/bewerken", "/plannen/9", "/plannen/9/x", "/regio.csv", "/a", "/nergens/iets", "/VRAGEN/1"];

/** What a caller can see of a match: the route it names and the parameters. */
const view = (matches: ReturnType<MatchRoutes>) => matches?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname, base: m.pathnameBase })) ?? null;

describe("cachedMatchRoutes", () => {
  it("answers exactly as React Router does, the first time and from memory", () => {
    const cached = cachedMatchRoutes(matchRoutes);
    for (const round of [1, 2]) {
      for (const path of PATHS) {
        const routes = tree();
        expect(view(cached(routes, path)), `${path} (round ${round})`).toEqual(view(matchRoutes(routes, path)));
        expect(view(cached(routes, { pathname: path }))).toEqual(view(matchRoutes(routes, { pathname: path })));
      }
    }
  });

  it("hands back the route objects of the tree it was given, not of an earlier one", () => {
    const cached = cachedMatchRoutes(matchRoutes);
    cached(tree(), "/plannen/9/x");
    const second = tree();
    const matches = cached(second, "/plannen/9/x")!;
    expect(matches[0]!.route).toBe(second[0]);
    expect(matches[2]!.route).toBe(second[0]!.children[4]!.children![0]);
    expect(matches[2]!.params).toEqual({ id: "9" });
  });

  it("keeps trees of another shape apart", () => {
    const cached = cachedMatchRoutes(matchRoutes);
    expect(cached(tree(), "/regio.csv")![1]!.route.id).toBe("routes/regio[.]csv");
    const other = tree();
    other[0]!.children.splice(5, 1); // no regio.csv: the splat takes it
    expect(cached(other, "/regio.csv")![1]!.route.id).toBe("routes/$");
  });

  it("leaves locations with a query and routes without ids to React Router", () => {
    let calls = 0;
    const counting: MatchRoutes = (...args) => (calls++, matchRoutes(...args));
    const cached = cachedMatchRoutes(counting);
    cached(tree(), "/vragen?q=1");
    cached(tree(), "/vragen?q=1");
    expect(calls).toBe(2);
    const noIds = [{ path: "/", children: [{ path: "a" }] }];
    cached(noIds, "/a");
    cached(noIds, "/a");
    expect(calls).toBe(4);
    cached(tree(), "/vragen/1");
    cached(tree(), "/vragen/1");
    expect(calls).toBe(5);
  });
});
