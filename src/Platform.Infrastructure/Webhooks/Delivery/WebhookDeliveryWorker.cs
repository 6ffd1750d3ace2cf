using System.Collections.Concurrent;
using System.Security.Cryptography;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Application.Webhooks;
using Platform.Application.Webhooks.Commands.DisableWebhookEndpoint;
using Platform.Domain.Webhooks;
using Platform.Infrastructure.Persistence;
using Polly.CircuitBreaker;

namespace Platform.Infrastructure.Webhooks.Delivery;

/// <summary>
/// Sends webhook messages, on every instance. It wakes on the webhook NOTIFY (or when one of its sends ends), or polls
/// when none comes; claims due messages under a lease, taking from each endpoint only its free slots, so a slow
/// receiver holds at most <c>MaxConcurrencyPerEndpoint</c> of this instance's slots and never delays the others;
/// sends each as its own task with no transaction open; and records every attempt. A message whose attempt fails
/// is due again on the retry schedule, or failed after the last; <c>410 Gone</c>, or failing without a break for
/// <c>Webhooks:DisableAfter</c>, disables the endpoint. When it stops, it gives back what it had not finished.
/// </summary>
internal sealed partial class WebhookDeliveryWorker : BackgroundService
{
    private readonly WebhookDeliveryStore store;
    private readonly WebhookSender sender;
    private readonly WebhookSignal signal;
    private readonly WebhookMetrics metrics;
    private readonly IWebhookSecretProtector protector;
    private readonly IServiceScopeFactory scopes;
    private readonly WebhookOptions options;
    private readonly WebhookRetrySchedule schedule;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<WebhookDeliveryWorker> logger;
    private readonly ConcurrentDictionary<Guid, Task> inFlight = new();
    private readonly DatabaseOutageBackoff outage;
    private DateTimeOffset lastStats = DateTimeOffset.MinValue;

    public WebhookDeliveryWorker(
        WebhookDeliveryStore store,
        WebhookSender sender,
        WebhookSignal signal,
        WebhookMetrics metrics,
        IWebhookSecretProtector protector,
        IServiceScopeFactory scopes,
        IOptions<WebhookOptions> options,
        TimeProvider timeProvider,
        ILogger<WebhookDeliveryWorker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.store = store;
        this.sender = sender;
        this.signal = signal;
        this.metrics = metrics;
        this.protector = protector;
        this.scopes = scopes;
        this.options = options.Value;
        this.timeProvider = timeProvider;
        this.logger = logger;
        schedule = this.options.ParseRetrySchedule();
        outage = new DatabaseOutageBackoff(LogDatabaseDown, LogDatabaseBack);
    }

    /// <summary>This instance's name on the leases it takes and the attempts it records.</summary>
    public string Owner { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    private WebhookDeliveryOptions Delivery => options.Delivery;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshStatsAsync(stoppingToken);
                var free = Delivery.MaxConcurrency - inFlight.Count;
                var wanted = Math.Min(free, Delivery.BatchSize);
                var claimed = wanted > 0
                    ? await store.ClaimAsync(wanted, Delivery.MaxConcurrencyPerEndpoint, Delivery.LeaseDuration, Owner, stoppingToken)
                    : [];
                foreach (var delivery in claimed)
                {
                    Start(delivery, stoppingToken);
                }

                outage.Reached();
                if (wanted > 0 && claimed.Count >= wanted)
                {
                    continue;
                }

                await signal.WaitAsync(Delivery.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (PostgresDatabaseErrors.IsDatabaseUnavailable(ex))
            {
                if (!await outage.WaitAsync(ex, stoppingToken))
                {
                    break;
                }
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // The sends were cancelled with the stopping token; what did not get recorded goes back, due at once, for any instance.
        var unfinished = inFlight.Keys.ToArray();
        try
        {
            await Task.WhenAll(inFlight.Values).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            // Their leases run out.
        }

        unfinished = [.. unfinished.Where(inFlight.ContainsKey)];
        if (unfinished.Length == 0)
        {
            return;
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await store.ReleaseAsync(unfinished, Owner, TimeSpan.Zero, timeout.Token);
            LogReleased(unfinished.Length);
        }
        catch (Exception ex) when (ex is OperationCanceledException || PostgresDatabaseErrors.IsDatabaseUnavailable(ex))
        {
            LogReleaseFailed(unfinished.Length);
        }
    }

    private void Start(WebhookDelivery delivery, CancellationToken stoppingToken)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        inFlight[delivery.Id] = gate.Task;
        _ = Task.Run(
            async () =>
            {
                try
                {
                    if (await DeliverAsync(delivery, stoppingToken))
                    {
                        inFlight.TryRemove(delivery.Id, out _);
                    }
                }
                finally
                {
                    gate.TrySetResult();
                    signal.Set();
                }
            },
            CancellationToken.None);
    }

    /// <summary>One attempt, recorded; false when it was left unrecorded (stopping, or the database unreachable), for StopAsync to give back.</summary>
    private async Task<bool> DeliverAsync(WebhookDelivery delivery, CancellationToken stoppingToken)
    {
        try
        {
            WebhookAttemptResult result;
            if (Delivery.Mode == WebhookDeliveryMode.Simulated)
            {
                result = new WebhookAttemptResult(WebhookAttemptOutcome.Simulated, null, TimeSpan.Zero, null, null, null);
            }
            else if (OpenSecrets(delivery) is { } secrets)
            {
                try
                {
                    result = await sender.SendAsync(delivery, secrets, stoppingToken);
                }
                catch (BrokenCircuitException)
                {
                    metrics.Attempted("circuit_open", TimeSpan.Zero);
                    await store.ReleaseAsync([delivery.Id], Owner, Delivery.BreakDuration, CancellationToken.None);
                    return true;
                }
            }
            else
            {
                result = new WebhookAttemptResult(
                    WebhookAttemptOutcome.Failed, null, TimeSpan.Zero, null,
                    "the endpoint's signing secret cannot be opened with the configured Webhooks:SecretEncryptionKey or PreviousSecretEncryptionKeys", null);
            }

            await RecordAsync(delivery, result);
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex) when (PostgresDatabaseErrors.IsDatabaseUnavailable(ex))
        {
            // The attempt stands unrecorded; the lease runs out and the message is sent again (same webhook-id).
            LogRecordFailed(delivery.Id, ex.Message);
            inFlight.TryRemove(delivery.Id, out _);
            return true;
        }
        catch (Exception ex)
        {
            LogUnexpected(ex, delivery.Id);
            inFlight.TryRemove(delivery.Id, out _);
            return true;
        }
    }

    private async Task RecordAsync(WebhookDelivery delivery, WebhookAttemptResult result)
    {
        var now = timeProvider.GetUtcNow();
        var succeeded = result.Outcome is WebhookAttemptOutcome.Succeeded or WebhookAttemptOutcome.Simulated;
        WebhookFailure? failure = null;
        if (!succeeded)
        {
            var retryIn = result.Outcome == WebhookAttemptOutcome.Gone ? null : schedule.NextDelay(delivery.RoundAttempts + 1, Random.Shared.NextDouble(), result.RetryAfter);
            failure = new WebhookFailure(retryIn);
        }

        var overdue = await store.RecordAsync(delivery, result, failure, options.DisableAfter, Owner, now, CancellationToken.None);
        metrics.Attempted(EnumText.ToSnakeCase(result.Outcome), result.Latency);
        if (succeeded)
        {
            metrics.Delivered(now - delivery.CreatedAt);
        }
        else if (failure?.RetryIn is { } retry)
        {
            LogRetrying(delivery.Id, delivery.EndpointId, delivery.RoundAttempts + 1, retry.TotalSeconds, result.Error ?? "failed");
        }
        else
        {
            LogFailed(delivery.Id, delivery.EndpointId, delivery.RoundAttempts + 1, result.Error ?? "failed");
        }

        if (result.Outcome == WebhookAttemptOutcome.Gone)
        {
            await DisableAsync(delivery.EndpointId, WebhookDisabledReason.Gone, "The receiver answered 410 Gone.");
        }
        else if (overdue)
        {
            await DisableAsync(delivery.EndpointId, WebhookDisabledReason.Failing, $"Every attempt has failed for longer than {options.DisableAfter}; the last: {result.Error}");
        }
    }

    private async Task DisableAsync(Guid endpointId, WebhookDisabledReason reason, string detail)
    {
        await using var scope = scopes.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        if (await mediator.Send(new DisableWebhookEndpointCommand(endpointId, reason, detail), CancellationToken.None))
        {
            metrics.EndpointDisabled(reason);
            LogDisabled(endpointId, EnumText.ToSnakeCase(reason), detail);
        }
    }

    /// <summary>The secrets that sign now (newest first), opened; null when one cannot be opened (a key was dropped from configuration).</summary>
    private List<WebhookSecret>? OpenSecrets(WebhookDelivery delivery)
    {
        try
        {
            var secrets = new List<WebhookSecret>(2) { protector.Open(delivery.SecretCiphertext, delivery.EndpointId) };
            if (delivery.PreviousSecretCiphertext is { } previous && delivery.PreviousSecretExpiresAt > timeProvider.GetUtcNow())
            {
                secrets.Add(protector.Open(previous, delivery.EndpointId));
            }

            return secrets;
        }
        catch (CryptographicException)
        {
            LogSecretUnreadable(delivery.EndpointId);
            return null;
        }
    }

    private async Task RefreshStatsAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (now - lastStats < TimeSpan.FromSeconds(10))
        {
            return;
        }

        lastStats = now;
        var (pending, oldest) = await store.StatsAsync(cancellationToken);
        metrics.Update(pending, oldest);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook message {MessageId} to endpoint {EndpointId} failed attempt {Attempt}; retrying in {DelaySeconds:0.0} s: {Error}")]
    private partial void LogRetrying(Guid messageId, Guid endpointId, int attempt, double delaySeconds, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook message {MessageId} to endpoint {EndpointId} failed its last attempt ({Attempt}): {Error}")]
    private partial void LogFailed(Guid messageId, Guid endpointId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook endpoint {EndpointId} was disabled ({Reason}): {Detail} Recover it with POST /api/v1/webhooks/endpoints/{EndpointId}/recover once the receiver works.")]
    private partial void LogDisabled(Guid endpointId, string reason, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook endpoint {EndpointId}'s signing secret cannot be opened: is the key that sealed it still in Webhooks:SecretEncryptionKey or Webhooks:PreviousSecretEncryptionKeys?")]
    private partial void LogSecretUnreadable(Guid endpointId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook message {MessageId}: the attempt could not be recorded ({Reason}); it will be sent again when its lease runs out")]
    private partial void LogRecordFailed(Guid messageId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook message {MessageId}: delivery failed unexpectedly; it will be sent again when its lease runs out")]
    private partial void LogUnexpected(Exception exception, Guid messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery cannot reach the database ({Reason}); retrying")]
    private partial void LogDatabaseDown(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery reaches the database again")]
    private partial void LogDatabaseBack();

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery stopping: gave back {Count} unfinished messages")]
    private partial void LogReleased(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery stopping: could not give back {Count} unfinished messages; their leases will run out")]
    private partial void LogReleaseFailed(int count);
}
