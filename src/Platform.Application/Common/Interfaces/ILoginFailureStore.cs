namespace Platform.Application.Common.Interfaces;

/// <summary>Consecutive failed sign-ins per account, shared by every instance (PostgreSQL).</summary>
public interface ILoginFailureStore
{
    /// <summary>Until when sign-in to the account is blocked, or null when it is not.</summary>
    Task<DateTimeOffset?> BlockedUntilAsync(string account, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Counts one more failure (a count older than <paramref name="forgetAfter"/> starts again) and blocks for the delay the count earns.</summary>
    Task<int> RecordFailureAsync(string account, DateTimeOffset now, TimeSpan forgetAfter, Func<int, TimeSpan> delayAfter, CancellationToken cancellationToken);

    Task ResetAsync(string account, CancellationToken cancellationToken);
}
