using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Platform.Application.Common.Email;

namespace Platform.Infrastructure.Email;

/// <summary>
/// Sends through an SMTP server with MailKit, keeping one connection open across messages (connecting, STARTTLS
/// and authentication cost more than a message). A connection idle for a while is checked with NOOP before use, and
/// any failure drops it, so the next message starts on a fresh one. SMTP 5xx replies are permanent; 4xx replies,
/// refused or dropped connections, TLS and authentication failures are transient (a wrong password is fixed in
/// configuration, not by failing every message).
/// </summary>
internal sealed class SmtpEmailTransport(EmailSmtpOptions options, TimeSpan timeout) : IEmailTransport
{
    private static readonly TimeSpan IdleCheckAfter = TimeSpan.FromSeconds(30);

    private SmtpClient? client;
    private DateTimeOffset lastUsed;

    public async Task<EmailSendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        try
        {
            var connected = await ConnectedAsync(cancellationToken);
            var message = Compose(email);
            await connected.SendAsync(message, cancellationToken);
            lastUsed = DateTimeOffset.UtcNow;
            return EmailSendResult.Accepted(message.MessageId);
        }
        catch (SmtpCommandException ex)
        {
            await DropAsync();
            var code = (int)ex.StatusCode;
            var error = $"SMTP {code}: {ex.Message}";
            return code >= 500 ? EmailSendResult.Permanent(error) : EmailSendResult.Transient(error);
        }
        catch (OperationCanceledException)
        {
            await DropAsync();
            throw;
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or SslHandshakeException
                                      or AuthenticationException or ServiceNotConnectedException or ProtocolException)
        {
            await DropAsync();
            return EmailSendResult.Transient($"SMTP {ex.GetType().Name}: {ex.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (client is { } open)
        {
            client = null;
            try
            {
                if (open.IsConnected)
                {
                    using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await open.DisconnectAsync(true, quit.Token);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or SmtpProtocolException or SmtpCommandException)
            {
                // Closing anyway.
            }

            open.Dispose();
        }
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (client is { IsConnected: true } open)
        {
            if (DateTimeOffset.UtcNow - lastUsed < IdleCheckAfter)
            {
                return open;
            }

            try
            {
                await open.NoOpAsync(cancellationToken);
                return open;
            }
            catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or SmtpCommandException or ServiceNotConnectedException)
            {
                await DropAsync();
            }
        }

        await DropAsync();
        var fresh = new SmtpClient { Timeout = (int)Math.Min(int.MaxValue, timeout.TotalMilliseconds) };
        try
        {
            var security = options.Port == 465 ? SecureSocketOptions.SslOnConnect
                : options.UseStartTls ? SecureSocketOptions.StartTls
                : SecureSocketOptions.None;
            await fresh.ConnectAsync(options.Host ?? string.Empty, options.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(options.Username))
            {
                await fresh.AuthenticateAsync(options.Username, options.Password ?? string.Empty, cancellationToken);
            }
        }
        catch
        {
            fresh.Dispose();
            throw;
        }

        client = fresh;
        lastUsed = DateTimeOffset.UtcNow;
        return fresh;
    }

    private async Task DropAsync()
    {
        if (client is { } open)
        {
            client = null;
            try
            {
                if (open.IsConnected)
                {
                    await open.DisconnectAsync(false, CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or ObjectDisposedException)
            {
                // It is being dropped.
            }

            open.Dispose();
        }
    }

    private static MimeMessage Compose(OutgoingEmail email)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(email.From.Name, email.From.Address));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        var domain = email.From.Address[(email.From.Address.LastIndexOf('@') + 1)..];
        message.MessageId = $"{email.Id:N}@{domain}";
        message.Headers.Add("X-Platform-Message-Id", email.Id.ToString());
        message.Body = new BodyBuilder { TextBody = email.Text, HtmlBody = email.Html }.ToMessageBody();
        return message;
    }
}
