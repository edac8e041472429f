/** Each application's variables (names only) per environment, from its synthesized Secret and the contract. */
import { serviceVariables } from '../service-variables';
import { isTouched, type EnvironmentSection } from './section';

const APP_SECRET = /^kubernetes_secret_v1\.cluster_\w+_env$/;

export const serviceVariablesSection: EnvironmentSection = {
  id: 'service-variables',
  render(verdict) {
    if (verdict.status === 'unchanged' || !isTouched(verdict, (a) => APP_SECRET.test(a))) return undefined;
    return { summary: 'Application variables (names only)', body: serviceVariables(verdict.env) };
  },
};
