using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// This instance's belief about whether PostgreSQL can be reached, shared by every path to it (EF Core through
/// <see cref="CircuitBreakerConnectionInterceptor"/>, the raw Npgsql stores through <see cref="OpenConnectionAsync"/>,
/// readiness). A connection that cannot be <em>opened</em> (refused, unreachable, timed out connecting, the server
/// starting or stopping) opens the circuit at once: from then on work that needs the database fails immediately with
/// <see cref="DatabaseCircuitOpenException"/> (503 <c>dependency.unavailable</c>) instead of waiting for connect
/// timeouts and retries. While open, <see cref="DatabaseCircuitProbe"/> tries a fresh connection every
/// <see cref="DatabaseOptions.CircuitProbeInterval"/> and closes the circuit when one succeeds. A query that fails on
/// an open connection (a terminated backend, a serialization failure) does not count: that is one connection's or one
/// transaction's trouble, which the execution strategy's retries handle. See ADR 0028.
/// </summary>
public sealed partial class DatabaseCircuitBreaker(NpgsqlDataSource dataSource, IOptions<DatabaseOptions> options, TimeProvider timeProvider, ILogger<DatabaseCircuitBreaker> logger)
{
    private readonly Lock gate = new();
    private readonly SemaphoreSlim opened = new(0, 1);
    private DateTimeOffset? openSince;

    /// <summary>True while requests that need the database are refused without trying it.</summary>
    public bool IsOpen => Volatile.Read(ref openFlag) == 1;

    /// <summary>When the circuit opened; null while it is closed.</summary>
    public DateTimeOffset? OpenSince
    {
        get
        {
            lock (gate)
            {
                return openSince;
            }
        }
    }

    /// <summary>How long the probe waits between attempts while the circuit is open.</summary>
    public TimeSpan ProbeInterval => options.Value.CircuitProbeInterval;

    private int openFlag;

    /// <summary>Throws <see cref="DatabaseCircuitOpenException"/> when the circuit is open.</summary>
    public void ThrowIfOpen()
    {
        if (IsOpen)
        {
            throw new DatabaseCircuitOpenException();
        }
    }

    /// <summary>
    /// Opens a pooled connection unless the circuit is open; a failure to connect opens the circuit. For code that uses
    /// Npgsql directly (EF Core goes through the interceptor instead).
    /// </summary>
    public async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        ThrowIfOpen();
        try
        {
            return await dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (IsConnectFailure(ex))
        {
            Trip(ex);
            throw;
        }
    }

    /// <summary>Opens the circuit if <paramref name="exception"/> says a connection could not be established.</summary>
    public void ReportFailure(Exception exception)
    {
        if (IsConnectFailure(exception))
        {
            Trip(exception);
        }
    }

    /// <summary>The probe reached the database: close the circuit.</summary>
    public void ReportRecovered()
    {
        DateTimeOffset since;
        lock (gate)
        {
            if (openSince is not { } at)
            {
                return;
            }

            since = at;
            openSince = null;
            Volatile.Write(ref openFlag, 0);
        }

        // Pooled connections from before the outage are dead; drop them so the first requests open fresh ones.
        dataSource.Clear();
        LogClosed((timeProvider.GetUtcNow() - since).TotalSeconds);
    }

    /// <summary>Completes when the circuit is open (at once if it already is).</summary>
    public async Task WaitUntilOpenAsync(CancellationToken cancellationToken)
    {
        while (!IsOpen)
        {
            await opened.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// A failure to establish a connection: refused or unreachable (a socket error), a timed-out connection attempt, or
    /// the server saying it is starting up or shutting down. An exhausted pool is not one: the database is fine.
    /// </summary>
    public static bool IsConnectFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DatabaseCircuitOpenException:
                    return false;
                case PostgresException postgres:
                    return postgres.SqlState is PostgresErrorCodes.CannotConnectNow;
                case NpgsqlException npgsql when npgsql.InnerException is SocketException
                    || npgsql.Message.StartsWith("Failed to connect", StringComparison.Ordinal):
                    return true;
                case SocketException:
                    return true;
            }
        }

        return false;
    }

    private void Trip(Exception exception)
    {
        lock (gate)
        {
            if (openSince is not null)
            {
                return;
            }

            openSince = timeProvider.GetUtcNow();
            Volatile.Write(ref openFlag, 1);
        }

        if (opened.CurrentCount == 0)
        {
            try
            {
                opened.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }

        dataSource.Clear();
        LogOpened(Reason(exception), ProbeInterval.TotalSeconds);
    }

    private static string Reason(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return ReferenceEquals(innermost, exception) ? exception.Message : $"{exception.Message} ({innermost.Message})";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unreachable ({Reason}): answering 503 at once to requests that need it, probing every {ProbeSeconds:0.#} s")]
    private partial void LogOpened(string reason, double probeSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database reachable again after {DownSeconds:0.0} s: requests use it again")]
    private partial void LogClosed(double downSeconds);
}
