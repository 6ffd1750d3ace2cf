using Microsoft.Extensions.Logging;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.RateLimiting;

/// <summary>
/// Sends the hits <see cref="BatchedRateLimitCounter"/> gathered in memory to the shared counter every
/// <see cref="BatchedRateLimitCounter.FlushInterval"/> and when the instance stops (<see cref="PeriodicFlusher"/>).
/// A flush that fails keeps its hits for the next one.
/// </summary>
internal sealed partial class RateLimitCounterFlusher(
    BatchedRateLimitCounter counter,
    TimeProvider timeProvider,
    ILogger<RateLimitCounterFlusher> logger) : PeriodicFlusher(BatchedRateLimitCounter.FlushInterval, timeProvider)
{
    protected override Task FlushAsync(CancellationToken cancellationToken) => counter.FlushAsync(cancellationToken);

    protected override void ReportFailure(string reason) => LogFlushFailed(reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send rate-limit hits to the shared counter ({Reason}); they are kept for the next flush")]
    private partial void LogFlushFailed(string reason);
}
