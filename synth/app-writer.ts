/**
 * The platform app's synthesis, as a WriteTree: its own module, since it loads cdktf, every stack and the provider
 * bindings (~0.4 s), which reading a synthesized tree (synthesized-tree.ts) never needs.
 */
import { createPlatformApp } from '../stacks/platform-app';
import type { WriteTree } from './synthesized-tree';

/** Writes the tree `cdktf synth` writes for `envs` to `outdir`. */
export const synthesizeApp: WriteTree = (envs, outdir) => createPlatformApp(envs, { outdir }).synth();
