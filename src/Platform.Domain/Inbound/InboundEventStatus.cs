namespace Platform.Domain.Inbound;

/// <summary>Where a stored inbound event stands.</summary>
public enum InboundEventStatus
{
    /// <summary>Stored and waiting for its handler (or being handled).</summary>
    Pending,

    /// <summary>Its handler finished.</summary>
    Processed,

    /// <summary>Its handler failed; the dispatcher retries it with back-off, and an admin may reprocess it.</summary>
    Failed,
}
