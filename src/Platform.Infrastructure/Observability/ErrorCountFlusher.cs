using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Observability;

/// <summary>
/// Sends <see cref="ErrorCountRecorder"/>'s counts and <see cref="RequestLatencyRecorder"/>'s samples every <see cref="ErrorCountRecorder.FlushInterval"/>, off the
/// request path, and once more when the instance stops. A failed flush keeps its counts for the next; while the
/// database is known to be down it says nothing (the circuit breaker has logged the outage).
/// </summary>
internal sealed partial class ErrorCountFlusher(
    ErrorCountRecorder recorder, RequestLatencyRecorder latencies, TimeProvider timeProvider, ILogger<ErrorCountFlusher> logger) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ErrorCountRecorder.FlushInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync sends what is left.
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await recorder.FlushAsync(cancellationToken);
            await latencies.FlushAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping, or the shutdown timeout passed: the last few seconds of counts are lost.
        }
        catch (DatabaseCircuitOpenException)
        {
            // Logged once by the breaker; the counts wait.
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or ObjectDisposedException)
        {
            LogFlushFailed(ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send error counts or request samples to the database ({Reason}); error counts are kept for the next flush")]
    private partial void LogFlushFailed(string reason);
}
