using Microsoft.Extensions.Options;
using Platform.Application.Common.Email;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Email;

/// <summary>The configured provider's transports, one per worker lane, and the sender every message carries.</summary>
internal sealed class EmailTransportFactory(IOptions<EmailOptions> options, IHttpClientFactory httpClients)
{
    private EmailSender? from;
    private string? providerName;

    /// <summary>The address simulated mail carries when <c>Email:From</c> is unset; <c>.invalid</c> can never be delivered.</summary>
    public const string SimulatedAddress = "no-reply@platform.invalid";

    private EmailOptions Options => options.Value;

    /// <summary>The provider as stored on sent messages and as the metrics' <c>provider</c> tag: smtp, postmark or simulated.</summary>
    public string ProviderName => providerName ??= EnumText.ToSnakeCase(Options.EffectiveProvider);

    /// <summary><c>Email:From</c>, parsed once: every message of every lane carries it.</summary>
    public EmailSender From => from ??=
        EmailSender.TryParse(Options.From, out var sender) ? sender : new EmailSender(Options.ProductName, SimulatedAddress);

    public IEmailTransport Create() => Options.EffectiveProvider switch
    {
        EmailProvider.Smtp => new SmtpEmailTransport(Options.Smtp, Options.Delivery.Timeout),
        EmailProvider.Postmark => new PostmarkEmailTransport(httpClients.CreateClient(PostmarkEmailTransport.ClientName), Options.Postmark),
        _ => new SimulatedEmailTransport(),
    };
}
