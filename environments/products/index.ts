/**
 * The registry of products. Adding one = one file next to payload.ts + one line here; it is reserved in every
 * environment until an environment sets `products.<key>.status: 'live'`.
 */
import { cineos } from './cineos';
import { createos } from './createos';
import { django } from './django';
import { payload } from './payload';
import { photographyos } from './photographyos';
import type { ProductDeclaration } from './product';

export const products: readonly ProductDeclaration[] = [payload, django, createos, cineos, photographyos];
