namespace Platform.Domain.Inbound;

/// <summary>Every error code of inbound webhooks. Every code is listed in docs/errors.md; a published code is never renamed.</summary>
public static class InboundErrorCodes
{
    /// <summary>401: the signature or credentials did not verify (or the source has none configured); nothing was stored.</summary>
    public const string Unverified = "inbound.unverified";

    /// <summary>400: the body verified but is not an event this source understands; nothing was stored.</summary>
    public const string PayloadInvalid = "inbound.payload_invalid";

    /// <summary>404: no inbound event has this id.</summary>
    public const string NotFound = "inbound.event_not_found";

    /// <summary>409: the event is still waiting for its handler, so there is nothing to reprocess yet.</summary>
    public const string StillPending = "inbound.event_pending";
}
