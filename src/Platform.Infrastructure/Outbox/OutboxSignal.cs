using Platform.Infrastructure.Notifications;

namespace Platform.Infrastructure.Outbox;

/// <summary>Wakes this instance's dispatcher: set when a NOTIFY on <see cref="Channel"/> arrives (or the listener reconnects).</summary>
public sealed class OutboxSignal : WakeSignal
{
    /// <summary>The channel the outbox trigger notifies when messages are inserted or retried.</summary>
    public const string Channel = "platform_outbox";
}
