using Platform.Domain.Inbound;

namespace Platform.Application.Common.Inbound;

/// <summary>
/// A provider that sends us webhooks: its name, its route, how its requests are verified, and how its event id and
/// type are read. Registered with its handler by <c>AddInboundSource</c>; one POST route is mapped per source. A
/// singleton: it must be thread-safe and keep no per-request state.
/// </summary>
public interface IInboundSource
{
    /// <summary>The source's name in the inbox and the admin API: lower case, such as <c>postmark</c>.</summary>
    string Name { get; }

    /// <summary>The route the provider posts to, such as <c>/api/v1/email/webhooks/postmark</c>.</summary>
    string Path { get; }

    /// <summary>
    /// Whether the secrets or credentials it verifies with are configured. An unconfigured source refuses every
    /// request (401) with a warning in the log: it never accepts an event it cannot verify.
    /// </summary>
    bool IsConfigured { get; }

    /// <summary>Checks the signature or credentials against the raw body, in constant time; called only when configured.</summary>
    InboundVerification Verify(InboundRequest request, DateTimeOffset now);

    /// <summary>Reads the event id and type of a verified request, or says why the body is not an event.</summary>
    InboundParseResult Parse(InboundRequest request);
}
