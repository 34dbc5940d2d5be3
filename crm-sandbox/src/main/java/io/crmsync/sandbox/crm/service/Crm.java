package io.crmsync.sandbox.crm.service;

/** The CRM whose wire protocol a request speaks; decides error bodies, headers and rate-limit policy. */
public enum Crm {
    HUBSPOT,
    SALESFORCE
}
