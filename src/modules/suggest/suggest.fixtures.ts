import type { World } from '../../../test/world.js';
import { serializeModel, trainModel } from '../classifier/index.js';
import { syntheticExamples } from '../classifier/classifier.fixtures.js';
import { activateModel, registerModel } from './registry.js';

/**
 * Registers and activates a model trained on the synthetic examples, for tests. 环境 goes to
 * 城管委 under 施工噪声; 交通 to 生态环境局; 教育 is a category the catalogue sends to the street
 * of the report's area (street mode). Returns the active version.
 */
export async function activateSyntheticModel(w: World): Promise<number> {
  const entry = await registerModel(w.ctx, w.db, {
    name: 'synthetic',
    source: 'file:synthetic',
    bytes: serializeModel(trainModel(syntheticExamples(20))),
    labelMap: {
      环境: { unitCode: '110115-D02', categoryCode: '02-01' },
      交通: { unitCode: '110115-D03', categoryCode: '02-01' },
      教育: { categoryCode: '04-06' },
    },
    metrics: {},
    createdBy: null,
  });
  return (await activateModel(w.ctx, w.db, entry.version, null)).version;
}
