package io.crmsync.commons.messaging;

import io.crmsync.contract.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** One schema-validating codec per service: its compiled schemas are cached inside. */
@ApplicationScoped
public class EventCodecProducer {

    @Produces
    @ApplicationScoped
    EventCodec codec() {
        return new EventCodec();
    }
}
