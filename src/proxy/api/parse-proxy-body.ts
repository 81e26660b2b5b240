import type { ProxyConfig } from '../proxy-config.ts';
import { checkAddressableName } from './addressable-name.ts';
import { apiError } from './api-error.ts';
import { boolField, expectObject, jsonKind, stringField } from './decode-json.ts';

/** A POST /proxies body: `enabled` defaults to true; name and upstream are required. */
export function parseNewProxy(body: unknown): Required<ProxyConfig> {
  const object = expectObject(body, 'toxiproxy.Proxy');
  const proxy = {
    name: stringField(object, 'name', 'Proxy', ''),
    listen: stringField(object, 'listen', 'Proxy', ''),
    upstream: stringField(object, 'upstream', 'Proxy', ''),
    enabled: boolField(object, 'enabled', 'Proxy', true),
  };
  if (proxy.name === '') throw apiError('missingField', 'name');
  if (proxy.upstream === '') throw apiError('missingField', 'upstream');
  checkAddressableName('proxy', proxy.name);
  return proxy;
}

/** A POST/PATCH /proxies/{p} body: fields left out keep the current values. */
export function parseProxyUpdate(
  body: unknown,
  current: { listen: string; upstream: string; enabled: boolean },
): { listen: string; upstream: string; enabled: boolean } {
  const object = expectObject(body, 'toxiproxy.Proxy');
  return {
    listen: stringField(object, 'listen', 'Proxy', current.listen),
    upstream: stringField(object, 'upstream', 'Proxy', current.upstream),
    enabled: boolField(object, 'enabled', 'Proxy', current.enabled),
  };
}

/** The Go type Toxiproxy decodes each /populate entry into, as its errors print it. */
const POPULATE_ENTRY = 'struct { toxiproxy.Proxy; Enabled *bool "json:\\"enabled\\"" }';

/**
 * A POST /populate body (or a --config file): every entry is checked before anything
 * changes; `N` in the messages counts from 1.
 */
export function parsePopulate(body: unknown): Array<Required<ProxyConfig>> {
  if (!Array.isArray(body)) {
    throw apiError(
      'badRequestBody',
      `json: cannot unmarshal ${jsonKind(body)} into Go value of type []${POPULATE_ENTRY}`,
    );
  }
  const proxies = body.map((entry: unknown) => {
    const object = expectObject(entry, POPULATE_ENTRY);
    // The entry is an anonymous Go struct: its field errors name the struct as ''.
    return {
      name: stringField(object, 'name', '', ''),
      listen: stringField(object, 'listen', '', ''),
      upstream: stringField(object, 'upstream', '', ''),
      enabled: boolField(object, 'enabled', '', true),
    };
  });
  proxies.forEach((proxy, i) => {
    if (proxy.name === '') throw apiError('missingField', `name at proxy ${i + 1}`);
    if (proxy.upstream === '') throw apiError('missingField', `upstream at proxy ${i + 1}`);
    checkAddressableName('proxy', proxy.name, ` at proxy ${i + 1}`);
  });
  return proxies;
}
