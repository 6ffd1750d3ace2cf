using Platform.Infrastructure.Notifications;

namespace Platform.Infrastructure.Email;

/// <summary>Wakes this instance's email worker: set by a NOTIFY on <see cref="Channel"/> (or the listener reconnecting), or when a lane frees up.</summary>
public sealed class EmailSignal : WakeSignal
{
    /// <summary>The channel the email message triggers notify when messages become due.</summary>
    public const string Channel = "platform_email";
}
