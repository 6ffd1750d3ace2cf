using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Email;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Messaging;
using Platform.Application.Common.Outbox;
using Platform.Domain.Identity;

namespace Platform.Application.Webhooks.Delivery;

/// <summary>
/// Mails every enabled admin when delivery disabled a webhook endpoint, with why and how to recover it. The mail names
/// the endpoint's host, never its full URL, which may carry a token and would travel through the mail provider.
/// </summary>
internal sealed class EndpointDisabledEmailHandler(IPlatformDbContext db, IEmailQueue queue, IOptions<EmailOptions> options) : IOutboxHandler
{
    public const string Template = "webhook_endpoint_disabled";

    public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var endpoint = JsonSerializer.Deserialize<WebhookEndpointDto>(message.Payload, ApplicationJson.Options)
            ?? throw new JsonException($"The payload of outbox message {message.Id} is empty.");
        var admins = await db.Users.AsNoTracking()
            .Where(u => u.DisabledAt == null && u.Roles.Contains(Role.Admin))
            .Select(u => new { u.Email, u.DisplayName })
            .ToListAsync(cancellationToken);
        foreach (var admin in admins)
        {
            await queue.EnqueueAsync(new EmailDraft(Template, admin.Email, Mail(admin.DisplayName, endpoint, message.OccurredAt), message.Id), cancellationToken);
        }
    }

    private EmailContent Mail(string displayName, WebhookEndpointDto endpoint, DateTimeOffset disabledAt)
    {
        var host = Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var url) ? url.GetLeftPart(UriPartial.Authority) : "(unreadable URL)";
        var why = endpoint.DisabledReason switch
        {
            Domain.Webhooks.WebhookDisabledReason.Gone => "its receiver answered 410 Gone, which asks senders to stop",
            _ => "every delivery attempt to it failed for too long",
        };
        return new EmailTemplate(options.Value.ProductName, "A webhook endpoint was disabled")
            .Paragraph($"Hello {displayName},")
            .Paragraph($"Webhook delivery disabled an endpoint because {why}. Its new events are kept as failed, not sent, until it is recovered.")
            .Facts(
                ("Endpoint", endpoint.Id.ToString()),
                ("Receiver", host),
                ("Description", endpoint.Description),
                ("Disabled", EmailTemplate.Time(endpoint.DisabledAt ?? disabledAt)))
            .Paragraph($"Once the receiver works again, recover it with POST /api/v1/webhooks/endpoints/{endpoint.Id}/recover: that switches it back on and sends what it missed.")
            .Build();
    }
}
