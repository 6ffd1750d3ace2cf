using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// Sends what an in-memory counter gathered to PostgreSQL every <c>interval</c>, off the request path, and once more
/// when the instance stops, so a graceful shutdown loses none. A failed flush keeps its data for the next one (the
/// counter's job) and reports the reason; while the database is known to be down (the circuit breaker is open) it says
/// nothing, because the breaker has logged the outage.
/// </summary>
internal abstract class PeriodicFlusher(TimeSpan interval, TimeProvider timeProvider) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushSafelyAsync(cancellationToken);
    }

    /// <summary>One flush; may throw a database error, which is reported and retried at the next tick.</summary>
    protected abstract Task FlushAsync(CancellationToken cancellationToken);

    /// <summary>Logs a flush that failed, with the reason (never the data).</summary>
    protected abstract void ReportFailure(string reason);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushSafelyAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync sends what is left.
        }
    }

    private async Task FlushSafelyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping, or the host's shutdown timeout passed: what is still in memory is lost.
        }
        catch (DatabaseCircuitOpenException)
        {
            // The outage is logged once, by the breaker; the data waits for the next flush.
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or ObjectDisposedException)
        {
            // ObjectDisposedException: the host is being torn down and the connection pool went first.
            ReportFailure(ex.Message);
        }
    }
}
