using System.Text.Json;
using Platform.Application.Common.Inbound;
using Platform.Domain.Inbound;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>
/// An inbound source only tests register, the way a payments feature would add Stripe: <c>Stripe-Signature</c>
/// verified with Stripe's documented scheme under <see cref="Secrets"/>, the event id and type read from Stripe's
/// event fields <c>id</c> and <c>type</c>. It proves the inbox works for a source the product does not ship.
/// </summary>
public sealed class StripeStyleTestSource : IInboundSource
{
    public const string Route = "/api/v1/test/webhooks/stripe";

    public static readonly string[] Secrets = ["whsec_test_current_0123456789abcdef", "whsec_test_previous_fedcba9876543210"];

    public string Name => "stripe_test";

    public string Path => Route;

    public bool IsConfigured => true;

    public InboundVerification Verify(InboundRequest request, DateTimeOffset now) =>
        StripeSignatureVerifier.Verify(Secrets, request.Header("Stripe-Signature"), request.Body.Span, now);

    public InboundParseResult Parse(InboundRequest request)
    {
        try
        {
            using var document = JsonDocument.Parse(request.Body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                    ? InboundParseResult.Event(id.GetString()!, type.GetString()!)
                    : InboundParseResult.Malformed("A Stripe event has an id and a type.");
        }
        catch (JsonException)
        {
            return InboundParseResult.Malformed("The body is not JSON.");
        }
    }
}
