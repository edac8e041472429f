/**
 * PhotographyOS: a future SaaS product with its schema reserved (seed 000).
 */
import { futureProduct } from './future-product';

export const photographyos = futureProduct('photographyos', 'PhotographyOS');
