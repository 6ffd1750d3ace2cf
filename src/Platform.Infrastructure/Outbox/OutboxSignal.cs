namespace Platform.Infrastructure.Outbox;

/// <summary>Wakes this instance's dispatcher: set when a NOTIFY on <see cref="Channel"/> arrives (or the listener reconnects).</summary>
public sealed class OutboxSignal : IDisposable
{
    /// <summary>The channel the outbox trigger notifies when messages are inserted or retried.</summary>
    public const string Channel = "platform_outbox";

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
