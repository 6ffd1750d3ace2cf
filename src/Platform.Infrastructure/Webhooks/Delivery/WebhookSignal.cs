namespace Platform.Infrastructure.Webhooks.Delivery;

/// <summary>Wakes this instance's delivery worker: set by a NOTIFY on <see cref="Channel"/> (or the listener reconnecting), or when a slot frees up.</summary>
public sealed class WebhookSignal : IDisposable
{
    /// <summary>The channel the webhook message triggers notify when messages become due.</summary>
    public const string Channel = "platform_webhooks";

    private readonly SemaphoreSlim semaphore = new(0, 1);
    private readonly Lock gate = new();

    public void Set()
    {
        lock (gate)
        {
            if (semaphore.CurrentCount == 0)
            {
                semaphore.Release();
            }
        }
    }

    /// <summary>Waits until set or until <paramref name="timeout"/> passes; returns whether it was set.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => semaphore.Dispose();
}
