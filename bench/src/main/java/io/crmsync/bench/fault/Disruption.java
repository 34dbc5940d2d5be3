package io.crmsync.bench.fault;

/** A fault the suite puts in while the load runs, and how an operator (or the platform) ends it. */
interface Disruption {

    void inject();

    /** Ends the fault; returns once the component is back (a restart waits until it is ready). */
    void recover();
}
