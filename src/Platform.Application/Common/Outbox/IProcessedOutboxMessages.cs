namespace Platform.Application.Common.Outbox;

/// <summary>Outbox messages already delivered, kept for a while for inspection and then deleted.</summary>
public interface IProcessedOutboxMessages
{
    /// <summary>
    /// Deletes up to <paramref name="batchSize"/> messages processed before <paramref name="processedBefore"/>, the
    /// oldest first; returns how many went. Pending and failed messages are never touched.
    /// </summary>
    Task<int> DeleteBatchAsync(DateTimeOffset processedBefore, int batchSize, CancellationToken cancellationToken);
}
