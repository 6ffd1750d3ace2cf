namespace Platform.Application.Identity;

/// <summary>Sessions that ended (revoked or expired) and the sign-in failures nobody needs any more.</summary>
public interface IEndedSessions
{
    /// <summary>
    /// Deletes up to <paramref name="batchSize"/> sessions that ended before <paramref name="endedBefore"/>, the
    /// oldest first, with their refresh tokens; returns how many went.
    /// </summary>
    Task<int> DeleteBatchAsync(DateTimeOffset endedBefore, int batchSize, CancellationToken cancellationToken);

    /// <summary>Forgets the sign-in failure counts last bumped before <paramref name="lastFailedBefore"/>.</summary>
    Task DeleteStaleLoginFailuresAsync(DateTimeOffset lastFailedBefore, CancellationToken cancellationToken);
}
