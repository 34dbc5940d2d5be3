package io.crmsync.sandbox.storefront.generator;

import io.crmsync.commons.tenant.Platform;

/** Writes a platform-neutral order and its customer as one platform's REST representation. */
public interface OrderShaper {

    Platform platform();

    ShapedOrder shape(SampleOrder order);
}
