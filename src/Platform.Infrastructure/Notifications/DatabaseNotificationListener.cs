using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Infrastructure.Outbox;
using Platform.Infrastructure.Sessions;
using Platform.Infrastructure.Status;

namespace Platform.Infrastructure.Notifications;

/// <summary>
/// Keeps this instance's <see cref="SessionRevocationCache"/> and status-page cache in step with every other
/// instance, and wakes its outbox dispatcher: one connection that <c>LISTEN</c>s for revocations, status changes and
/// new outbox messages. Each time it (re)connects it
/// first listens, then loads the revocations recent enough to matter and drops the cached status page, so nothing
/// announced while it was away is missed. It checks the connection every few seconds and reconnects when it drops.
/// </summary>
internal sealed partial class DatabaseNotificationListener(
    NpgsqlDataSource dataSource,
    SessionRevocationCache cache,
    Application.Status.StatusPageCache statusCache,
    OutboxSignal outboxSignal,
    Webhooks.Delivery.WebhookSignal webhookSignal,
    Email.EmailSignal emailSignal,
    Persistence.DatabaseCircuitBreaker breaker,
    TimeProvider timeProvider,
    ILogger<DatabaseNotificationListener> logger) : BackgroundService
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(5);

    private NpgsqlConnection? connection;
    private DateTimeOffset lastPurge = DateTimeOffset.MinValue;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Listen before the first request is served when the database is up; when it is not, start anyway and
        // keep trying in the background (the readiness probe reports the database as down meanwhile).
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartupTimeout);
        try
        {
            connection = await ConnectAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            breaker.ReportFailure(ex);
            LogConnectFailed(ex);
        }

        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await CloseAsync();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                connection ??= await ConnectAsync(stoppingToken);
                delay = TimeSpan.FromMilliseconds(250);
                if (!await connection.WaitAsync(KeepAlive, stoppingToken))
                {
                    // Nothing arrived: prove the connection is alive (a silent network drop would otherwise go unseen).
                    await using var ping = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = (int)KeepAlive.TotalSeconds };
                    await ping.ExecuteScalarAsync(stoppingToken);
                }

                if (timeProvider.GetUtcNow() - lastPurge > KeepAlive)
                {
                    cache.Purge();
                    lastPurge = timeProvider.GetUtcNow();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is NpgsqlException or System.IO.IOException or InvalidOperationException or TimeoutException)
            {
                breaker.ReportFailure(ex);
                // Once per outage at Warning (no stack trace: a lost connection is expected); each failed retry at Debug.
                if (cache.ListeningSince is not null || delay == TimeSpan.FromMilliseconds(250))
                {
                    LogConnectionLost(ex.Message);
                }
                else
                {
                    LogReconnectFailed(ex.Message);
                }

                await CloseAsync();
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }

    private async Task<NpgsqlConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var opened = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            opened.Notification += OnNotification;
            await using (var listen = new NpgsqlCommand($"LISTEN {PostgresSessionRevocationPublisher.Channel}; LISTEN {PostgresStatusChangePublisher.Channel}; LISTEN {OutboxSignal.Channel}; LISTEN {Webhooks.Delivery.WebhookSignal.Channel}; LISTEN {Email.EmailSignal.Channel}", opened))
            {
                await listen.ExecuteNonQueryAsync(cancellationToken);
            }

            // Changes made while this instance was not listening are unknown: start from a fresh status page, and
            // let the outbox dispatcher look for messages whose notification it missed.
            statusCache.Invalidate();
            outboxSignal.Set();
            webhookSignal.Set();
            emailSignal.Set();

            await using (var recent = new NpgsqlCommand("SELECT id, revoked_at FROM user_sessions WHERE revoked_at > $1", opened))
            {
                recent.Parameters.AddWithValue(timeProvider.GetUtcNow() - cache.Window);
                await using var reader = await recent.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    cache.MarkRevoked([reader.GetGuid(0)], reader.GetFieldValue<DateTimeOffset>(1));
                }
            }

            cache.ListeningSince = timeProvider.GetUtcNow();
            return opened;
        }
        catch
        {
            opened.Notification -= OnNotification;
            await UnlistenAsync(opened);
            await opened.DisposeAsync();
            throw;
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (e.Channel == PostgresStatusChangePublisher.Channel)
        {
            statusCache.Invalidate();
            return;
        }

        if (e.Channel == OutboxSignal.Channel)
        {
            outboxSignal.Set();
            return;
        }

        if (e.Channel == Webhooks.Delivery.WebhookSignal.Channel)
        {
            webhookSignal.Set();
            return;
        }

        if (e.Channel == Email.EmailSignal.Channel)
        {
            emailSignal.Set();
            return;
        }

        var ids = new List<Guid>();
        foreach (var part in e.Payload.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Guid.TryParse(part, out var id))
            {
                ids.Add(id);
            }
        }

        cache.MarkRevoked(ids);
    }

    private async Task CloseAsync()
    {
        cache.ListeningSince = null;
        if (connection is { } open)
        {
            connection = null;
            open.Notification -= OnNotification;
            await UnlistenAsync(open);
            await open.DisposeAsync();
        }
    }

    /// <summary>
    /// Pooled connections are not reset between leases (<see cref="Persistence.ConnectionStringDefaults"/>), so a
    /// healthy connection stops listening before it goes back to the pool: otherwise whichever request leased it next
    /// would be sent every notification. A broken one is not pooled again, so a failure here is ignored.
    /// </summary>
    private static async Task UnlistenAsync(NpgsqlConnection open)
    {
        if (open.FullState != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            await using var unlisten = new NpgsqlCommand("UNLISTEN *", open) { CommandTimeout = 2 };
            await unlisten.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or System.IO.IOException or InvalidOperationException or TimeoutException)
        {
            // The connection is broken, and Npgsql discards a broken connection instead of pooling it.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification listener (session revocations, status changes) could not connect at start-up; retrying in the background")]
    private partial void LogConnectFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification listener (session revocations, status changes) lost its connection ({Reason}); reconnecting")]
    private partial void LogConnectionLost(string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Notification listener could not reconnect yet ({Reason})")]
    private partial void LogReconnectFailed(string reason);
}
