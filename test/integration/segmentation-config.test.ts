import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import {
  DEFAULT_SEGMENTATION_MODEL_ID,
  DEFAULT_STREAM_THRESHOLDS,
} from '../../src/domain/assessment/segmentation/index.js';
import { syntheticSin } from '../../src/seed/people.js';
import {
  ADULT,
  completeAnswers,
  ok,
  PHOTO_ID,
  startAssessment,
  type Detail,
} from '../support/assessments.js';
import { createClient } from '../support/fixtures.js';
import { createWorld, type World } from '../support/world.js';

/**
 * C8: the stream thresholds are configuration (PATHWAYS_STREAM_THRESHOLDS), and each submitted CA
 * keeps the model and thresholds it was segmented with.
 */
const base = { NODE_ENV: 'test', PATHWAYS_DATA_DIR: '/tmp/pathways-test-unused' } as const;

describe('segmentation configuration (C8)', () => {
  it('defaults to the domain’s model and thresholds', () => {
    expect(loadConfig(base).segmentation).toEqual({
      modelId: DEFAULT_SEGMENTATION_MODEL_ID,
      thresholds: DEFAULT_STREAM_THRESHOLDS,
    });
  });

  it('reads "b,c" thresholds; a bad value or an unknown model stops the start', () => {
    expect(loadConfig({ ...base, PATHWAYS_STREAM_THRESHOLDS: '40, 70' }).segmentation.thresholds).toEqual({
      b: 40,
      c: 70,
    });
    for (const bad of ['70,40', '35', 'a,b', '0,50', '35,101'])
      expect(() => loadConfig({ ...base, PATHWAYS_STREAM_THRESHOLDS: bad })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, PATHWAYS_SEGMENTATION_MODEL: 'no-such-model' })).toThrow(
      /PATHWAYS_SEGMENTATION_MODEL/,
    );
  });

  describe('a network configured with its own thresholds', () => {
    let world: World;
    beforeAll(async () => {
      world = await createWorld({ env: { PATHWAYS_STREAM_THRESHOLDS: '5,10' } });
    });
    afterAll(() => world?.close());

    it('segments a submitted CA with them and stores them with it', async () => {
      const me = world.as.provider_caseworker;
      const clientId = await createClient(world, me, {
        legalGivenName: 'Conf',
        legalFamilyName: 'Thresholds',
        dateOfBirth: '1988-08-08',
        sin: syntheticSin(9_300_001),
      });
      const ca = (await startAssessment(world, me, clientId)).json() as Detail;
      await ok(world, me, 'PATCH', `/api/assessments/${ca.id}/answers`, {
        answers: completeAnswers(ADULT, ['m1']),
      });
      await ok(world, me, 'PUT', `/api/assessments/${ca.id}/identity`, PHOTO_ID);
      await ok(world, me, 'PUT', `/api/assessments/${ca.id}/service-level`, {
        level: 'case_managed',
        indicators: [],
      });
      await ok(world, me, 'PATCH', `/api/assessments/${ca.id}/answers`, {
        answers: completeAnswers(ADULT, ['m2']),
      });
      const done = await ok(world, me, 'POST', `/api/assessments/${ca.id}/submit`);
      expect(done.segmentation).toMatchObject({
        modelId: DEFAULT_SEGMENTATION_MODEL_ID,
        thresholds: { b: 5, c: 10 },
      });
      // The same answers score well above 10 (the default-threshold run puts them in B): stream C here.
      expect(done.segmentation!.stream).toBe('C');
    });
  });
});
