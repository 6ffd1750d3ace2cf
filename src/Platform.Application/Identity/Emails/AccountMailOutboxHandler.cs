using System.Text.Json;
using MediatR;
using Platform.Application.Common.Messaging;
using Platform.Application.Common.Outbox;
using Platform.Application.Identity.Commands.SendAccountMail;

namespace Platform.Application.Identity.Emails;

/// <summary>
/// Handles <c>identity.account_mail_requested</c>: the lookup, token and mail run as one command in one transaction,
/// ordered by when the request was made, so a redelivery mails nothing twice and never kills a later token.
/// </summary>
internal sealed class AccountMailOutboxHandler(IMediator mediator) : IOutboxHandler
{
    public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var request = JsonSerializer.Deserialize<AccountMailRequestDto>(message.Payload, ApplicationJson.Options)
            ?? throw new JsonException($"The payload of outbox message {message.Id} is empty.");
        await mediator.Send(new SendAccountMailCommand(request, message.OccurredAt, message.Id), cancellationToken);
    }
}
