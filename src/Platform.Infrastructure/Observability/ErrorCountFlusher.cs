using Microsoft.Extensions.Logging;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Observability;

/// <summary>
/// Sends <see cref="ErrorCountRecorder"/>'s counts and <see cref="RequestLatencyRecorder"/>'s samples every
/// <see cref="ErrorCountRecorder.FlushInterval"/> and when the instance stops (<see cref="PeriodicFlusher"/>). Error
/// counts of a failed flush are kept for the next; request samples are best effort.
/// </summary>
internal sealed partial class ErrorCountFlusher(
    ErrorCountRecorder recorder, RequestLatencyRecorder latencies, TimeProvider timeProvider, ILogger<ErrorCountFlusher> logger)
    : PeriodicFlusher(ErrorCountRecorder.FlushInterval, timeProvider)
{
    protected override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await recorder.FlushAsync(cancellationToken);
        await latencies.FlushAsync(cancellationToken);
    }

    protected override void ReportFailure(string reason) => LogFlushFailed(reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send error counts or request samples to the database ({Reason}); error counts are kept for the next flush")]
    private partial void LogFlushFailed(string reason);
}
