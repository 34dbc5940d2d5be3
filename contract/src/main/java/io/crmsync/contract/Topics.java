package io.crmsync.contract;

/**
 * Kafka topic names of the contract: {@code <domain>.<entity>.<event>.v<major>}. A breaking change
 * of a payload makes a new {@code .v2} topic; additive changes stay on the same topic.
 */
public final class Topics {

    public static final String WEBHOOK_RECEIVED = "commerce.webhook.received.v1";
    public static final String ENTITY_NORMALIZED = "commerce.entity.normalized.v1";
    public static final String CRM_RECORD_UPSERT = "crm.record.upsert.v1";
    public static final String CRM_WRITE_RESULT = "crm.write.result.v1";
    /** Compacted, keyed by tenant: pause / resume. */
    public static final String CONTROL_TENANT = "control.tenant.v1";

    private Topics() {
    }

    /** Every topic has a dead-letter twin. */
    public static String dlq(String topic) {
        return topic + ".dlq";
    }
}
