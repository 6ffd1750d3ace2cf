namespace Platform.Application.Housekeeping;

/// <summary>Webhook messages past their retention, deleted in batches (their attempts go with them).</summary>
public interface IOldWebhookMessages
{
    /// <summary>
    /// Deletes up to <paramref name="batchSize"/> messages delivered before <paramref name="deliveredBefore"/> or failed
    /// before <paramref name="failedBefore"/>, the oldest first; returns how many went. Pending messages are never touched.
    /// </summary>
    Task<int> DeleteBatchAsync(DateTimeOffset deliveredBefore, DateTimeOffset failedBefore, int batchSize, CancellationToken cancellationToken);
}
