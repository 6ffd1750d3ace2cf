namespace Platform.Application.Common.Outbox;

public static class OutboxStatus
{
    /// <summary>Waiting for its next attempt (or being worked on under a lease).</summary>
    public const string Pending = "pending";

    /// <summary>Every handler succeeded (or none was registered for its type).</summary>
    public const string Processed = "processed";

    /// <summary>Parked after its last attempt; an admin can retry it.</summary>
    public const string Failed = "failed";
}
