/**
 * Imports as Jakarta Batch jobs, shared by the modules that import files: the stored upload, the
 * job's progress and per-file or per-row report ({@code krn_import_*}), the owner's heartbeat and
 * the restart of a job whose server died ({@link io.hezuo.kernel.job.ImportJobRecovery}). What a
 * job reads, stages and publishes is its module's.
 */
package io.hezuo.kernel.job;
