package io.crmsync.commons.security;

/**
 * The OIDC roles of every service's admin API ({@code /admin/...}), read from the token's
 * {@code groups} claim: operators change things (replay, undo, resolve, pause), viewers read.
 */
public final class AdminRoles {

    public static final String OPERATOR = "crmsync-operator";
    public static final String VIEWER = "crmsync-viewer";

    private AdminRoles() {
    }
}
