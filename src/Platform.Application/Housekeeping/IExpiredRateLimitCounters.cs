namespace Platform.Application.Housekeeping;

/// <summary>The API rate limiter's counters whose window has closed.</summary>
public interface IExpiredRateLimitCounters
{
    /// <summary>
    /// Deletes up to <paramref name="batchSize"/> counters expired by the database's clock (the clock they are
    /// written on, so an instance whose clock runs ahead cannot delete a window still open); returns how many went.
    /// </summary>
    Task<int> DeleteBatchAsync(int batchSize, CancellationToken cancellationToken);
}
