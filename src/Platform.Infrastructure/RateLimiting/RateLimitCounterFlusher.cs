using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.RateLimiting;

/// <summary>
/// Sends the hits <see cref="BatchedRateLimitCounter"/> gathered in memory to the shared counter every
/// <see cref="BatchedRateLimitCounter.FlushInterval"/>, off the request path, and once more when the instance stops,
/// so a graceful shutdown loses none. A flush that fails keeps its hits for the next one; while the database is
/// known to be down (the circuit breaker is open) it says nothing, because the breaker has logged the outage.
/// </summary>
internal sealed partial class RateLimitCounterFlusher(
    BatchedRateLimitCounter counter,
    TimeProvider timeProvider,
    ILogger<RateLimitCounterFlusher> logger) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(BatchedRateLimitCounter.FlushInterval, timeProvider);
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
            await counter.FlushAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping, or the host's shutdown timeout passed: the hits still in memory are lost, at most a batch a key.
        }
        catch (DatabaseCircuitOpenException)
        {
            // The outage is logged once, by the breaker; the hits wait for the next flush.
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            LogFlushFailed(ex.Message);
        }
        catch (ObjectDisposedException ex)
        {
            // The host is being torn down and the connection pool went first: a stop must not fail for it.
            LogFlushFailed(ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send rate-limit hits to the shared counter ({Reason}); they are kept for the next flush")]
    private partial void LogFlushFailed(string reason);
}
