using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Email;
using Platform.Domain.Webhooks;
using Platform.Infrastructure.Persistence;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Platform.Infrastructure.Email;

/// <summary>
/// Sends queued email, on every instance. One loop claims due messages under a lease (waking on the email NOTIFY,
/// or polling when none comes) and hands them to <c>MaxConcurrency</c> lanes; each lane owns a transport, so an SMTP
/// lane keeps its connection open from one message to the next. No transaction is open while a message is sent.
/// Every send goes through one Polly pipeline for the provider: a timeout, and a circuit breaker that, once the
/// provider keeps failing, holds messages back for <c>BreakDuration</c> without counting attempts. A transient
/// failure is due again on the retry schedule, or failed after its last attempt; a permanent one fails at once. A
/// recipient on the suppression list (read in the claim itself) is recorded as suppressed and never sent. When it
/// stops, the worker gives back what it had not finished.
/// </summary>
internal sealed partial class EmailDeliveryWorker : BackgroundService
{
    private readonly EmailDeliveryStore store;
    private readonly EmailTransportFactory transports;
    private readonly EmailContentProtector protector;
    private readonly EmailSignal signal;
    private readonly EmailMetrics metrics;
    private readonly EmailDeliveryOptions delivery;
    private readonly WebhookRetrySchedule schedule;
    private readonly ResiliencePipeline<EmailSendResult> pipeline;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<EmailDeliveryWorker> logger;
    private readonly Channel<ClaimedEmail> queue = Channel.CreateUnbounded<ClaimedEmail>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly ConcurrentDictionary<Guid, byte> held = new();
    private readonly DatabaseOutageBackoff outage;
    private DateTimeOffset lastStats = DateTimeOffset.MinValue;

    public EmailDeliveryWorker(
        EmailDeliveryStore store,
        EmailTransportFactory transports,
        EmailContentProtector protector,
        EmailSignal signal,
        EmailMetrics metrics,
        IOptions<EmailOptions> options,
        TimeProvider timeProvider,
        ILogger<EmailDeliveryWorker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.store = store;
        this.transports = transports;
        this.protector = protector;
        this.signal = signal;
        this.metrics = metrics;
        this.timeProvider = timeProvider;
        this.logger = logger;
        outage = new DatabaseOutageBackoff(LogDatabaseDown, LogDatabaseBack);
        delivery = options.Value.Delivery;
        schedule = delivery.ParseRetrySchedule();
        pipeline = new ResiliencePipelineBuilder<EmailSendResult>()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<EmailSendResult>
            {
                ShouldHandle = new PredicateBuilder<EmailSendResult>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => r.Outcome == EmailSendOutcome.Transient),
                FailureRatio = delivery.CircuitFailureRatio,
                MinimumThroughput = delivery.CircuitMinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = delivery.BreakDuration,
            })
            .AddTimeout(delivery.Timeout)
            .Build();
    }

    /// <summary>This instance's name on the leases it takes.</summary>
    public string Owner { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lanes = Enumerable.Range(0, delivery.MaxConcurrency)
            .Select(_ => Task.Run(() => LaneAsync(stoppingToken), CancellationToken.None))
            .ToArray();
        try
        {
            await ClaimLoopAsync(stoppingToken);
        }
        finally
        {
            queue.Writer.TryComplete();
            await Task.WhenAll(lanes);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // Sends in flight were cancelled, and claimed messages not yet started stay claimed: all go back, due at once.
        var unfinished = held.Keys.ToArray();
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

    private async Task ClaimLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshStatsAsync(stoppingToken);

                // Keep every lane busy with one message waiting behind it, no more: a claimed message's lease runs
                // while it waits, and another instance may have free lanes.
                var wanted = Math.Min(delivery.BatchSize, (2 * delivery.MaxConcurrency) - held.Count);
                var claimed = wanted > 0 ? await store.ClaimAsync(wanted, delivery.LeaseDuration, Owner, stoppingToken) : [];
                foreach (var email in claimed)
                {
                    held[email.Id] = 0;
                    queue.Writer.TryWrite(email);
                }

                outage.Reached();
                if (wanted > 0 && claimed.Count >= wanted)
                {
                    continue;
                }

                await signal.WaitAsync(delivery.PollInterval, stoppingToken);
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

    private async Task LaneAsync(CancellationToken stoppingToken)
    {
        await using var transport = transports.Create();
        try
        {
            await foreach (var email in queue.Reader.ReadAllAsync(stoppingToken))
            {
                if (await SendAsync(transport, email, stoppingToken))
                {
                    held.TryRemove(email.Id, out _);
                }

                if (held.Count <= delivery.MaxConcurrency)
                {
                    signal.Set();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what this lane had not finished is given back by StopAsync.
        }
    }

    /// <summary>One message, sent and recorded; false when it was left unrecorded because the worker is stopping, for StopAsync to give back.</summary>
    private async Task<bool> SendAsync(IEmailTransport transport, ClaimedEmail email, CancellationToken stoppingToken)
    {
        var provider = transports.ProviderName;
        try
        {
            if (email.Suppressed)
            {
                await store.RecordAsync(email.Id, EmailRecordStatus.Suppressed, provider, null, "The recipient is on the suppression list.", null, Owner, CancellationToken.None);
                metrics.Suppressed(email.Template);
                LogSuppressed(email.Id, email.Template);
                return true;
            }

            if (Open(email) is not { } outgoing)
            {
                await store.RecordAsync(
                    email.Id, EmailRecordStatus.Failed, provider, null,
                    "The message content cannot be opened: it was sealed under another Auth:SecretKey, or altered.", null, Owner, CancellationToken.None);
                metrics.Failed(provider, email.Template);
                LogContentUnreadable(email.Id);
                return true;
            }

            var started = Stopwatch.GetTimestamp();
            EmailSendResult result;
            try
            {
                result = await pipeline.ExecuteAsync(async (token) => await transport.SendAsync(outgoing, token), stoppingToken);
            }
            catch (BrokenCircuitException)
            {
                await store.ReleaseAsync([email.Id], Owner, delivery.BreakDuration, CancellationToken.None);
                return true;
            }
            catch (TimeoutRejectedException)
            {
                result = EmailSendResult.Transient($"{provider}: no answer within {delivery.Timeout.TotalSeconds:0.#} s");
            }

            await RecordAsync(email, result, provider, Stopwatch.GetElapsedTime(started));
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex) when (PostgresDatabaseErrors.IsDatabaseUnavailable(ex))
        {
            // The send's outcome stands unrecorded: the lease runs out and the message is due again (a duplicate at most).
            LogRecordFailed(email.Id, ex.Message);
            return true;
        }
        catch (Exception ex)
        {
            LogUnexpected(ex, email.Id);
            return true;
        }
    }

    private async Task RecordAsync(ClaimedEmail email, EmailSendResult result, string provider, TimeSpan elapsed)
    {
        var attempt = email.Attempts + 1;
        switch (result.Outcome)
        {
            case EmailSendOutcome.Sent:
                await store.RecordAsync(email.Id, EmailRecordStatus.Sent, provider, result.ProviderMessageId, null, null, Owner, CancellationToken.None);
                metrics.Sent(provider, email.Template, elapsed);
                break;

            case EmailSendOutcome.Transient when schedule.NextDelay(attempt, Random.Shared.NextDouble()) is { } retryIn:
                await store.RecordAsync(email.Id, EmailRecordStatus.Pending, provider, null, result.Error, retryIn, Owner, CancellationToken.None);
                metrics.Retried(provider, elapsed);
                LogRetrying(email.Id, attempt, retryIn.TotalSeconds, result.Error ?? "failed");
                break;

            default:
                var error = result.Outcome == EmailSendOutcome.Transient ? $"Out of attempts ({attempt}); the last: {result.Error}" : result.Error;
                await store.RecordAsync(email.Id, EmailRecordStatus.Failed, provider, null, error, null, Owner, CancellationToken.None);
                metrics.Failed(provider, email.Template);
                LogFailed(email.Id, attempt, error ?? "failed");
                break;
        }
    }

    private OutgoingEmail? Open(ClaimedEmail email)
    {
        if (email.Content is null)
        {
            return null;
        }

        try
        {
            var (text, html) = protector.Open(email.Content, email.Id);
            return new OutgoingEmail(email.Id, transports.From, email.Recipient, email.Subject, text, html);
        }
        catch (CryptographicException)
        {
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Email message {MessageId} failed attempt {Attempt}; retrying in {DelaySeconds:0.0} s: {Error}")]
    private partial void LogRetrying(Guid messageId, int attempt, double delaySeconds, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email message {MessageId} failed for good after attempt {Attempt}: {Error}")]
    private partial void LogFailed(Guid messageId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email message {MessageId} ({Template}) was not sent: the recipient is on the suppression list")]
    private partial void LogSuppressed(Guid messageId, string template);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email message {MessageId}: its content cannot be opened (was Auth:SecretKey changed while it waited?); it failed")]
    private partial void LogContentUnreadable(Guid messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email message {MessageId}: the send could not be recorded ({Reason}); it is due again when its lease runs out")]
    private partial void LogRecordFailed(Guid messageId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email message {MessageId}: sending failed unexpectedly; it is due again when its lease runs out")]
    private partial void LogUnexpected(Exception exception, Guid messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email delivery cannot reach the database ({Reason}); retrying")]
    private partial void LogDatabaseDown(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email delivery reaches the database again")]
    private partial void LogDatabaseBack();

    [LoggerMessage(Level = LogLevel.Information, Message = "Email delivery stopping: gave back {Count} unfinished messages")]
    private partial void LogReleased(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email delivery stopping: could not give back {Count} unfinished messages; their leases will run out")]
    private partial void LogReleaseFailed(int count);
}
