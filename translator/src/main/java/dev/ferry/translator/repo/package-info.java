/**
 * A whole legacy repository → one WorkflowPlan per Oozie application: finds coordinators and
 * workflows, pairs them, reads their configuration and collects every diagnostic.
 */
package dev.ferry.translator.repo;
