using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Outbox;
using Platform.Infrastructure.Persistence;
using Polly;
using Polly.Retry;

namespace Platform.Infrastructure.Outbox;

/// <summary>
/// Delivers outbox messages to their handlers, on every instance (a hosted worker, not a Quartz job, so instances
/// share the work instead of taking turns). It wakes on the outbox NOTIFY, or polls when none comes; claims due
/// messages in batches under a lease; runs their handlers with bounded concurrency and a timeout; marks them
/// processed, or schedules a retry with jittered back-off, or parks them as failed after the last attempt. A message
/// that keeps failing never blocks the others. When it stops, it gives back the messages it had not finished.
/// </summary>
public sealed partial class OutboxDispatcher : BackgroundService
{
    private readonly IServiceScopeFactory scopes;
    private readonly OutboxStore store;
    private readonly OutboxHandlerRegistry registry;
    private readonly OutboxSignal signal;
    private readonly OutboxMetrics metrics;
    private readonly OutboxOptions options;
    private readonly ILogger<OutboxDispatcher> logger;
    private readonly ResiliencePipeline handlerTimeout;
    private readonly ResiliencePipeline storeRetry;
    private readonly ConcurrentDictionary<Guid, byte> inFlight = new();

    /// <summary>
    /// Bounds the bookkeeping writes (completions, failures) once stopping has begun: they are worth a moment, not a
    /// shutdown held up by a database that does not answer (their leases run out and another instance delivers again).
    /// </summary>
    private readonly CancellationTokenSource recordingDeadline = new();
    private bool disposed;
    private DateTimeOffset lastStats = DateTimeOffset.MinValue;
    private readonly DatabaseOutageBackoff outage;

    public OutboxDispatcher(
        IServiceScopeFactory scopes,
        OutboxStore store,
        OutboxHandlerRegistry registry,
        OutboxSignal signal,
        OutboxMetrics metrics,
        IOptions<OutboxOptions> options,
        ILogger<OutboxDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.scopes = scopes;
        this.store = store;
        this.registry = registry;
        this.signal = signal;
        this.metrics = metrics;
        this.options = options.Value;
        this.logger = logger;
        outage = new DatabaseOutageBackoff(LogDatabaseDown, LogDatabaseBack);
        this.options.Validate();
        handlerTimeout = new ResiliencePipelineBuilder().AddTimeout(this.options.HandlerTimeout).Build();

        // Recording an outcome is worth a couple of quick retries: a lost "processed" means a redelivery later.
        storeRetry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(PostgresDatabaseErrors.IsDatabaseUnavailable),
                MaxRetryAttempts = 3,
                Delay = TimeSpan.FromMilliseconds(100),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .Build();
    }

    /// <summary>This instance's name on the leases it takes.</summary>
    public string Owner { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Claims and handles one batch; returns how many messages it claimed. The loop calls it; tests may too.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var claimed = await store.ClaimAsync(options.BatchSize, options.LeaseDuration, Owner, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        foreach (var message in claimed)
        {
            inFlight[message.Id] = 0;
        }

        var processed = new ConcurrentBag<Guid>();
        try
        {
            await Parallel.ForEachAsync(
                claimed,
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancellationToken },
                async (message, ct) =>
                {
                    if (await HandleAsync(message, ct))
                    {
                        processed.Add(message.Id);
                    }
                });
        }
        finally
        {
            // Even when stopping mid-batch, what was done is recorded (not with the stopping token, but with at most
            // two seconds' grace after it). If that fails too, the leases run out and the messages are delivered
            // again: at least once, never lost.
            foreach (var id in processed)
            {
                inFlight.TryRemove(id, out _);
            }

            await storeRetry.ExecuteAsync(async ct => await store.CompleteAsync([.. processed], ct), recordingDeadline.Token);
        }

        return claimed.Count;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host may stop a service it has already disposed (a test host torn down twice): nothing is running then.
        if (Volatile.Read(ref disposed))
        {
            return;
        }

        recordingDeadline.CancelAfter(TimeSpan.FromSeconds(2));
        await base.StopAsync(cancellationToken);
        var unfinished = inFlight.Keys.ToArray();
        if (unfinished.Length == 0)
        {
            return;
        }

        try
        {
            // Quick, and only if the database answers: otherwise the leases simply run out.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await store.ReleaseAsync(unfinished, Owner, timeout.Token);
            LogReleased(unfinished.Length);
        }
        catch (Exception ex) when (ex is OperationCanceledException || PostgresDatabaseErrors.IsDatabaseUnavailable(ex))
        {
            LogReleaseFailed(unfinished.Length);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshStatsAsync(stoppingToken);
                var claimed = await DispatchOnceAsync(stoppingToken);
                outage.Reached();
                if (claimed >= options.BatchSize)
                {
                    continue;
                }

                await signal.WaitAsync(options.PollInterval, stoppingToken);
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

    /// <summary>Runs every handler of the message's type; false when one failed (the failure is already recorded).</summary>
    private async Task<bool> HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        var handlers = registry.For(message.Type);
        var started = Stopwatch.GetTimestamp();
        if (handlers.Count == 0)
        {
            metrics.Dispatched(message.Type, "no_handler", TimeSpan.Zero);
            return true;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            foreach (var handlerType in handlers)
            {
                var handler = (IOutboxHandler)scope.ServiceProvider.GetRequiredService(handlerType);
                await handlerTimeout.ExecuteAsync(async ct => await handler.HandleAsync(message, ct), cancellationToken);
            }

            metrics.Dispatched(message.Type, "processed", Stopwatch.GetElapsedTime(started));
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the message stays claimed by us until StopAsync gives it back (or the lease runs out).
            throw;
        }
        catch (Exception ex)
        {
            var park = message.Attempt >= options.MaxAttempts;
            var delay = OutboxBackoff.DelayAfter(message.Attempt, options.RetryBaseDelay, options.RetryMaxDelay, Random.Shared.NextDouble());
            var error = $"{ex.GetType().Name}: {ex.Message}";
            metrics.Dispatched(message.Type, park ? "failed" : "retried", Stopwatch.GetElapsedTime(started));
            if (park)
            {
                LogParked(message.Id, message.Type, message.Attempt, error);
            }
            else
            {
                LogRetrying(message.Id, message.Type, message.Attempt, delay.TotalSeconds, error);
            }

            await storeRetry.ExecuteAsync(async ct => await store.FailAsync(message.Id, error, park, delay, ct), recordingDeadline.Token);
            inFlight.TryRemove(message.Id, out _);
            return false;
        }
    }

    private async Task RefreshStatsAsync(CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        if (now - lastStats < options.StatsInterval)
        {
            return;
        }

        lastStats = now;
        metrics.Update(await store.StatsAsync(cancellationToken));
    }

    public override void Dispose()
    {
        Volatile.Write(ref disposed, true);
        recordingDeadline.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({Type}) failed attempt {Attempt}; retrying in {DelaySeconds:0.0} s: {Error}")]
    private partial void LogRetrying(Guid messageId, string type, int attempt, double delaySeconds, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} ({Type}) failed its last attempt ({Attempt}) and is parked: {Error}")]
    private partial void LogParked(Guid messageId, string type, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatcher cannot reach the database ({Reason}); retrying")]
    private partial void LogDatabaseDown(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox dispatcher reaches the database again")]
    private partial void LogDatabaseBack();

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox dispatcher stopping: gave back {Count} unfinished messages")]
    private partial void LogReleased(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatcher stopping: could not give back {Count} unfinished messages; their leases will run out")]
    private partial void LogReleaseFailed(int count);
}
