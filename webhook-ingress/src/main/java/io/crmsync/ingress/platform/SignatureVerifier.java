package io.crmsync.ingress.platform;

import io.crmsync.commons.tenant.Platform;
import io.crmsync.commons.tenant.Store;

/** Checks a delivery's signature the way one platform signs it; one bean per platform. */
public interface SignatureVerifier {

    Platform platform();

    /** Never throws for bad input: anything that is not a valid signature is a verdict. */
    Verdict verify(Store store, WebhookRequest request);
}
