package io.crmsync.contract.model;

/**
 * One refunded order line.
 *
 * @param sourceLineId the order line's source id ({@code OrderLine.sourceLineId})
 * @param amount       refunded for this line, positive, when the payload states it
 */
public record RefundLine(String sourceLineId, int quantity, String amount) {
}
