package io.crmsync.commons.messaging;

import io.crmsync.contract.EventCodec;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

/** One schema-validating codec per service: its compiled schemas are cached inside. */
@Singleton
public class EventCodecProducer {

    @Produces
    @Singleton
    EventCodec codec() {
        return new EventCodec();
    }
}
