namespace Platform.Infrastructure.Email;

/// <summary>Records each message as sent and sends nothing (<c>Email:Provider=simulated</c>).</summary>
internal sealed class SimulatedEmailTransport : IEmailTransport
{
    public Task<EmailSendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        return Task.FromResult(EmailSendResult.Accepted($"simulated-{email.Id:N}"));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
