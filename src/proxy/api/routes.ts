import type { ProxyCollection } from '../proxy-collection.ts';
import { proxyJson } from '../proxy-collection.ts';
import type { ProxyMetrics } from '../proxy-metrics.ts';
import { toxicJson } from '../toxic-wrapper.ts';
import { apiError, toApiErrorBody } from './api-error.ts';
import { parseJsonBody } from './decode-json.ts';
import { parseNewProxy, parsePopulate, parseProxyUpdate } from './parse-proxy-body.ts';
import { parseNewToxic, parseToxicUpdate } from './parse-toxic-body.ts';

/** The Toxiproxy version this server speaks. */
export const TOXIPROXY_VERSION = '2.12.0';

/**
 * What a route answers: JSON (sent compact, no trailing newline, as Go's `json.Marshal`),
 * raw text with its content type, or no body. Errors are thrown, not returned.
 */
export type RouteResult =
  | { status: number; json: unknown }
  | { status: number; text: string; contentType: string }
  | { status: 204 };

/** The `:name` captures of a route path: `'/proxies/:proxy/toxics/:toxic'` → `'proxy' | 'toxic'`. */
export type PathParams<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParams<Rest>
  : Path extends `${string}:${infer Name}`
    ? Name
    : never;

export interface RouteContext<Path extends string = string> {
  /** The decoded path captures, one per `:name` of the route's path. */
  params: Record<PathParams<Path>, string>;
  /** The raw request body. */
  body: string;
}

export type RouteHandler<Path extends string = string> = (
  context: RouteContext<Path>,
) => Promise<RouteResult>;

export interface Route {
  /** Path segments; `:name` captures one segment. */
  path: string[];
  methods: Record<
    string,
    (context: { params: Record<string, string>; body: string }) => Promise<RouteResult>
  >;
}

/** A route whose handlers see exactly the params its path captures. */
function route<Path extends string>(path: Path, methods: Record<string, RouteHandler<Path>>): Route {
  // The cast is safe: matchRoute captures one param per `:name` segment of this path.
  return { path: path.split('/').filter(Boolean), methods: methods as Route['methods'] };
}

/**
 * Toxiproxy's admin routes over a proxy collection. Every handler throws ProxyApiError
 * (or a listen error) and the server maps it with `toApiErrorBody`.
 */
export function createRoutes(proxies: ProxyCollection, metrics: ProxyMetrics): Route[] {
  const proxyShow: RouteHandler<'/proxies/:proxy'> = async ({ params }) => ({
    status: 200,
    json: proxyJson(proxies.get(params.proxy)),
  });
  const proxyUpdate: RouteHandler<'/proxies/:proxy'> = async ({ params, body }) => {
    const proxy = proxies.get(params.proxy);
    await proxies.update(proxy, parseProxyUpdate(parseJsonBody(body), proxy));
    return { status: 200, json: proxyJson(proxy) };
  };
  const toxicUpdate: RouteHandler<'/proxies/:proxy/toxics/:toxic'> = async ({ params, body }) => {
    const proxy = proxies.get(params.proxy);
    const current = proxy.findToxic(params.toxic);
    if (current === undefined) throw apiError('toxicNotFound');
    const updated = parseToxicUpdate(parseJsonBody(body), current);
    await proxy.updateToxic(updated);
    return { status: 200, json: toxicJson(updated) };
  };

  return [
    route('/version', {
      // Toxiproxy writes this one by hand: a space after the colon and a trailing newline.
      GET: async () => ({
        status: 200,
        text: `{"version": "${TOXIPROXY_VERSION}"}\n`,
        contentType: 'application/json;charset=utf-8',
      }),
    }),
    route('/reset', {
      POST: async () => {
        await proxies.reset();
        return { status: 204 };
      },
    }),
    route('/proxies', {
      GET: async () => ({
        status: 200,
        // Go's json.Marshal writes map keys sorted.
        json: Object.fromEntries(
          proxies
            .all()
            .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
            .map((p) => [p.name, proxyJson(p)]),
        ),
      }),
      POST: async ({ body }) => {
        const proxy = await proxies.add(parseNewProxy(parseJsonBody(body)));
        return { status: 201, json: proxyJson(proxy) };
      },
    }),
    route('/populate', {
      POST: async ({ body }) => {
        let configs: ReturnType<typeof parsePopulate>;
        try {
          configs = parsePopulate(parseJsonBody(body));
        } catch (err) {
          const error = toApiErrorBody(err);
          return { status: error.status, json: { ...error, proxies: null } };
        }
        const { proxies: done, error } = await proxies.populate(configs);
        const list = done.map(proxyJson);
        if (error === undefined) return { status: 201, json: { proxies: list } };
        const failure = toApiErrorBody(error);
        return { status: failure.status, json: { ...failure, proxies: list } };
      },
    }),
    route('/proxies/:proxy', {
      GET: proxyShow,
      POST: proxyUpdate,
      PATCH: proxyUpdate,
      DELETE: async ({ params }) => {
        await proxies.remove(params.proxy);
        return { status: 204 };
      },
    }),
    route('/proxies/:proxy/toxics', {
      GET: async ({ params }) => ({
        status: 200,
        json: proxies.get(params.proxy).toxicList().map(toxicJson),
      }),
      POST: async ({ params, body }) => {
        const proxy = proxies.get(params.proxy);
        const toxic = parseNewToxic(parseJsonBody(body), (name) => proxy.findToxic(name) !== undefined);
        await proxy.addToxic(toxic);
        return { status: 200, json: toxicJson(toxic) };
      },
    }),
    route('/proxies/:proxy/toxics/:toxic', {
      GET: async ({ params }) => {
        const toxic = proxies.get(params.proxy).findToxic(params.toxic);
        if (toxic === undefined) throw apiError('toxicNotFound');
        return { status: 200, json: toxicJson(toxic) };
      },
      POST: toxicUpdate,
      PATCH: toxicUpdate,
      DELETE: async ({ params }) => {
        const proxy = proxies.get(params.proxy);
        const toxic = proxy.findToxic(params.toxic);
        if (toxic === undefined) throw apiError('toxicNotFound');
        await proxy.removeToxic(toxic);
        return { status: 204 };
      },
    }),
    route('/metrics', {
      GET: async () => ({ status: 200, text: await metrics.text(), contentType: metrics.contentType }),
    }),
  ];
}

/** The route and captured params for `path`, or undefined. */
export function matchRoute(
  routes: Route[],
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  const segments = path.split('/').filter((s, i, all) => s !== '' || (i > 0 && i === all.length - 1));
  for (const route of routes) {
    if (route.path.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < segments.length; i++) {
      const pattern = route.path[i]!;
      const segment = segments[i]!;
      if (pattern.startsWith(':')) {
        if (segment === '') {
          ok = false;
          break;
        }
        params[pattern.slice(1)] = safeDecode(segment);
      } else if (pattern !== segment) {
        ok = false;
        break;
      }
    }
    if (ok) return { route, params };
  }
  return undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
