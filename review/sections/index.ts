/**
 * The sections of a report, in order. Add a section here (see section.ts); the verdict does not change.
 */
import { alarmsSection } from './alarms';
import { changesSection } from './changes';
import { costSection } from './cost';
import { dataProtectionSection } from './data-protection';
import { diagramSection } from './diagram';
import { differencesSection } from './differences';
import { keySettingsSection } from './key-settings';
import { mediaCostSection } from './media-cost';
import { policySection } from './policy';
import { pricesSection } from './prices';
import { resourcesSection } from './resources';
import { serviceVariablesSection } from './service-variables';
import type { EnvironmentSection, ReportSection } from './section';

export const environmentSections: readonly EnvironmentSection[] = [
  changesSection,
  diagramSection,
  keySettingsSection,
  resourcesSection,
  policySection,
  costSection,
  dataProtectionSection,
  serviceVariablesSection,
  alarmsSection,
];

/** A per-account bootstrap stack has no database, workloads or media: its changes, resources and policy only. */
export const bootstrapSections: readonly EnvironmentSection[] = [
  changesSection,
  resourcesSection,
  policySection,
];

/** Rendered once over the environments' own stacks (bootstrap stacks excluded: they would count an account twice). */
export const reportSections: readonly ReportSection[] = [differencesSection, mediaCostSection, pricesSection];
