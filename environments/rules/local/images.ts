/**
 * Container images of the local setup: pinned to an exact version tag, and PostgreSQL of the environment's major.
 */
import type { ContainerImage } from '../../parts/local';
import type { Checker, LocalRule } from '../../validation';
import { matches } from '../formats';

// Patterns inside the function: the module does no work when it is imported (see stryker.config.mjs).
function pinned(c: Checker, field: string, image: ContainerImage): void {
  c.check(
    `${field}.repository`,
    image.repository,
    // Docker reference grammar (distribution/reference): optional registry host, lowercase path components.
    matches(image.repository, /^([a-z0-9.-]+(:\d+)?\/)?[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/),
    'an image repository such as postgres or ghcr.io/icoretech/pgbouncer-docker',
  );
  c.check(
    `${field}.tag`,
    image.tag,
    matches(image.tag, /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/) && /\d/.test(image.tag) && !/latest|stable|edge/.test(image.tag),
    'an exact version tag (e.g. 15.17-alpine3.23), never latest, stable or edge',
  );
  if (image.digest !== undefined) {
    c.check(`${field}.digest`, image.digest, matches(image.digest, /^sha256:[0-9a-f]{64}$/), 'sha256:<64 hex digits>');
  }
}

export const localImageRules: readonly LocalRule[] = [
  (local, _registry, c) => {
    pinned(c, 'postgresImage', local.postgresImage);
    pinned(c, 'objectStore.image', local.objectStore.image);
    pinned(c, 'objectStore.initImage', local.objectStore.initImage);
  },
  ({ postgresImage, basedOn }, _registry, c) => {
    const major = basedOn.database.engineVersion.split('.')[0];
    c.check(
      'postgresImage.tag',
      postgresImage.tag,
      new RegExp(`^${major}\\.\\d+(-|$)`).test(postgresImage.tag),
      `a PostgreSQL ${major}.<minor> tag: ${basedOn.name}'s database.engineVersion is ${basedOn.database.engineVersion}`,
    );
  },
];
