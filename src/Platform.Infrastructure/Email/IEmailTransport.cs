namespace Platform.Infrastructure.Email;

/// <summary>
/// Sends messages through one provider. The worker gives each of its lanes a transport of its own and sends one
/// message at a time on it, so an SMTP transport keeps its connection open from one message to the next.
/// </summary>
internal interface IEmailTransport : IAsyncDisposable
{
    Task<EmailSendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}
