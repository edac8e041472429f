/**
 * Rules for the RDS PostgreSQL instance.
 */
import { supportedInstanceClasses } from '../../constructs/rds-instance-classes';
import type { EnvironmentRule } from '../validation';
import { isIntegerIn, matches } from './formats';
import { minutes, parseBackupWindow, parseMaintenanceWindow, windowsOverlap } from './windows';

function isPerformanceInsightsRetention(days: unknown): boolean {
  return days === 7 || days === 731 || (isIntegerIn(days, 31, 713) && days % 31 === 0);
}

export const databaseRules: readonly EnvironmentRule[] = [
  ({ database: db }, c) => {
    const reservedDatabases = ['postgres', 'template0', 'template1', 'rdsadmin'];
    c.check(
      'database.identifier',
      db.identifier,
      matches(db.identifier, /^[a-z][a-z0-9-]{0,62}$/) &&
        !db.identifier.includes('--') &&
        !db.identifier.endsWith('-'),
      'an RDS identifier: 1–63 lowercase letters, digits and single hyphens, starting with a letter',
    );
    c.check(
      'database.databaseName',
      db.databaseName,
      matches(db.databaseName, /^[a-z_][a-z0-9_]{0,62}$/) && !reservedDatabases.includes(db.databaseName),
      `a PostgreSQL identifier (lowercase, digits, underscores) other than ${reservedDatabases.join(', ')}`,
    );
    c.check(
      'database.engineVersion',
      db.engineVersion,
      matches(db.engineVersion, /^15(\.\d{1,2})?$/),
      'PostgreSQL 15: "15" or "15.<minor>"',
    );
  },
  ({ database: db }, c) => {
    c.check(
      'database.instanceClass',
      db.instanceClass,
      supportedInstanceClasses.includes(db.instanceClass),
      supportedInstanceClasses.join(', '),
    );
    const allocatedOk = c.check(
      'database.allocatedStorageGiB',
      db.allocatedStorageGiB,
      isIntegerIn(db.allocatedStorageGiB, 20, 65536),
      'an integer from 20 to 65536 GiB (gp3)',
    );
    c.check(
      'database.maxAllocatedStorageGiB',
      db.maxAllocatedStorageGiB,
      isIntegerIn(db.maxAllocatedStorageGiB, 21, 65536) &&
        (!allocatedOk || db.maxAllocatedStorageGiB > db.allocatedStorageGiB),
      `an integer above allocatedStorageGiB (${db.allocatedStorageGiB}) and at most 65536 GiB, so storage can autoscale`,
    );
    c.check('database.port', db.port, isIntegerIn(db.port, 1150, 65535), 'an integer from 1150 to 65535');
  },
  ({ database: db }, c) => {
    const reserved = ['postgres', 'admin', 'root', 'rdsadmin', 'rdsrepladmin', 'rds_superuser', 'master'];
    c.check(
      'database.masterUsername',
      db.masterUsername,
      matches(db.masterUsername, /^[a-z][a-z0-9_]{0,62}$/) && !reserved.includes(db.masterUsername),
      `a lowercase PostgreSQL role name that is not one of ${reserved.join(', ')}`,
    );
  },
  ({ tier, database: db }, c) => {
    const minimum = tier === 'production' ? 14 : 1;
    c.check(
      'database.backupRetentionDays',
      db.backupRetentionDays,
      isIntegerIn(db.backupRetentionDays, minimum, 35),
      `an integer from ${minimum} to 35 days for a ${tier} environment`,
    );
    if (tier === 'production') {
      c.check(
        'database.deletionProtection',
        db.deletionProtection,
        db.deletionProtection === true,
        'true in a production environment',
      );
    }
  },
  ({ database: db }, c) => {
    const backup = parseBackupWindow(db.backupWindow);
    const maintenance = parseMaintenanceWindow(db.maintenanceWindow);
    const backupOk = c.check(
      'database.backupWindow',
      db.backupWindow,
      backup !== undefined && minutes(backup) >= 30,
      'a daily UTC window "hh:mm-hh:mm" of at least 30 minutes',
    );
    const maintenanceOk = c.check(
      'database.maintenanceWindow',
      db.maintenanceWindow,
      maintenance !== undefined && minutes(maintenance) >= 30,
      'a weekly UTC window "ddd:hh:mm-ddd:hh:mm" (mon..sun) of at least 30 minutes',
    );
    if (backupOk && maintenanceOk && backup && maintenance) {
      c.check(
        'database.maintenanceWindow',
        db.maintenanceWindow,
        !windowsOverlap(backup, maintenance),
        `a window that does not overlap the daily backup window ${db.backupWindow}`,
      );
    }
  },
  ({ database: db }, c) => {
    const cloudWatchRetentionDays = [
      1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
    ];
    const monitoringIntervals = [1, 5, 10, 15, 30, 60];
    const currentCertificateAuthorities = ['rds-ca-rsa2048-g1', 'rds-ca-rsa4096-g1', 'rds-ca-ecc384-g1'];
    c.check(
      'database.logRetentionDays',
      db.logRetentionDays,
      cloudWatchRetentionDays.includes(db.logRetentionDays),
      cloudWatchRetentionDays.join(', '),
    );
    c.check(
      'database.performanceInsightsRetentionDays',
      db.performanceInsightsRetentionDays,
      isPerformanceInsightsRetention(db.performanceInsightsRetentionDays),
      '7, 731, or 31 × months for 1–23 months',
    );
    c.check(
      'database.monitoringIntervalSeconds',
      db.monitoringIntervalSeconds,
      monitoringIntervals.includes(db.monitoringIntervalSeconds),
      monitoringIntervals.join(', '),
    );
    c.check(
      'database.caCertIdentifier',
      db.caCertIdentifier,
      currentCertificateAuthorities.includes(db.caCertIdentifier),
      currentCertificateAuthorities.join(', '),
    );
    c.check(
      'database.kmsDeletionWindowDays',
      db.kmsDeletionWindowDays,
      isIntegerIn(db.kmsDeletionWindowDays, 7, 30),
      'an integer from 7 to 30',
    );
  },
  ({ database: { parameters: p } }, c) => {
    c.check(
      'database.parameters.logMinDurationStatementMs',
      p.logMinDurationStatementMs,
      isIntegerIn(p.logMinDurationStatementMs, 0, 2147483647),
      'an integer number of milliseconds ≥ 0 (slow statements are logged)',
    );
    c.check(
      'database.parameters.idleInTransactionSessionTimeoutMs',
      p.idleInTransactionSessionTimeoutMs,
      isIntegerIn(p.idleInTransactionSessionTimeoutMs, 1000, 2147483647),
      'an integer number of milliseconds ≥ 1000',
    );
  },
];
