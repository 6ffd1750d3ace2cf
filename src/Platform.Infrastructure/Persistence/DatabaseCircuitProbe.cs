using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// The half-open state of <see cref="DatabaseCircuitBreaker"/>, run in the background so that no request pays for it:
/// while the circuit is open, one fresh, unpooled connection attempt (with a short connect and command timeout) every
/// probe interval; the first that answers <c>SELECT 1</c> closes the circuit.
/// </summary>
internal sealed partial class DatabaseCircuitProbe(DatabaseCircuitBreaker breaker, string connectionString, ILogger<DatabaseCircuitProbe> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var probe = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            Timeout = Math.Max(1, (int)Math.Ceiling(breaker.ProbeInterval.TotalSeconds * 2)),
            CommandTimeout = Math.Max(1, (int)Math.Ceiling(breaker.ProbeInterval.TotalSeconds * 2)),
        }.ConnectionString;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await breaker.WaitUntilOpenAsync(stoppingToken);
                await Task.Delay(breaker.ProbeInterval, stoppingToken);
                if (await ProbeAsync(probe, stoppingToken))
                {
                    breaker.ReportRecovered();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task<bool> ProbeAsync(string probe, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(probe);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException or IOException)
        {
            LogProbeFailed(ex.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Database probe failed: {Reason}")]
    private partial void LogProbeFailed(string reason);
}
