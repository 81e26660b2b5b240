import { describe, expect, it } from 'vitest';
import { TOXIC_TYPES } from '../../scenario/schema/tcp-fault-schema.ts';
import { attributeNames, TOXIC_ATTRIBUTES, type ToxicName } from './toxic-attributes.ts';
import { toxicRegistry } from './toxic-registry.ts';

describe('toxic attributes: one list for the proxy and the scenario format', () => {
  it('registers exactly the toxics the scenario format accepts', () => {
    expect([...toxicRegistry.keys()].sort()).toEqual(Object.keys(TOXIC_ATTRIBUTES).sort());
    expect([...TOXIC_TYPES].sort()).toEqual(Object.keys(TOXIC_ATTRIBUTES).sort());
  });

  it('each toxic takes the attributes the scenario format validates', () => {
    for (const [type, toxic] of toxicRegistry) {
      expect(toxic.attributes).toEqual(attributeNames(type as ToxicName));
    }
    expect(attributeNames('slicer')).toEqual(['average_size', 'size_variation', 'delay']);
  });
});
