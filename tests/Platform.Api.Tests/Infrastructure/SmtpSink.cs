using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>One message as the sink received it, parsed by MimeKit.</summary>
public sealed record ReceivedMail(string From, string To, string Subject, string Text, string Html, string MessageId, string? PlatformMessageId, DateTimeOffset ReceivedAt);

/// <summary>
/// A real SMTP server on 127.0.0.1 and a free port (the SmtpServer package, in process). It records every message it
/// accepts and answers DATA as the test says, per message number (1 for the first message it is given): 250, or a
/// 4xx or 5xx reply. It can be stopped (connections are then refused) and started again on the same port.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> received = new();
    private Func<int, SmtpResponse> reply = _ => SmtpResponse.Ok;
    private int offered;
    private volatile bool holding;
    private int sessions;
    private SmtpServer.SmtpServer? server;
    private CancellationTokenSource? running;
    private Task? serving;

    private SmtpSink(int port, bool keepVerificationMail)
    {
        Port = port;
        KeepVerificationMail = keepVerificationMail;
    }

    /// <summary>
    /// Whether the confirmation mail every registration sends is kept. Off for the tests of other mail (delivery,
    /// retries, providers), which register accounts but count only their own messages: the sink then accepts the
    /// confirmation with 250 and neither counts nor keeps it.
    /// </summary>
    public bool KeepVerificationMail { get; }

    public int Port { get; }

    public string Host => "127.0.0.1";

    /// <summary>Messages offered with DATA, accepted or not.</summary>
    public int Offered => Volatile.Read(ref offered);

    public IReadOnlyList<ReceivedMail> Received => [.. received];

    /// <summary>SMTP sessions (connections) opened since the last <see cref="Answer"/>.</summary>
    public int Sessions => Volatile.Read(ref sessions);

    public static SmtpSink Start(bool keepVerificationMail = false)
    {
        var sink = new SmtpSink(ApiProcess.FreePort(), keepVerificationMail);
        sink.Resume();
        return sink;
    }

    /// <summary>Settings that send the API's mail here: SMTP without TLS or authentication.</summary>
    public IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Email:Provider"] = "smtp",
        ["Email:From"] = "Platform Tests <no-reply@platform.test>",
        ["Email:Smtp:Host"] = Host,
        ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:UseStartTls"] = "false",
    };

    /// <summary>Changes how DATA is answered from now on: <paramref name="answer"/> gets the message's number, counted from this call (which also resets <see cref="Offered"/>).</summary>
    public void Answer(Func<int, SmtpResponse> answer)
    {
        Volatile.Write(ref offered, 0);
        Volatile.Write(ref sessions, 0);
        reply = answer;
    }

    /// <summary>
    /// While on, every message offered is held in its DATA phase (no reply), as a slow server does; once off, each
    /// held message is answered 451 and not kept: its sender may be gone by then.
    /// </summary>
    public void Hold(bool on) => holding = on;

    public static SmtpResponse Reply(int code, string text) => new((SmtpReplyCode)code, text);

    /// <summary>Stops listening: new connections are refused and open ones are closed.</summary>
    public async Task StopAsync()
    {
        if (server is { } open)
        {
            await running!.CancelAsync();
            open.Shutdown();
            try
            {
                await serving!.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }

            running.Dispose();
            server = null;
        }
    }

    /// <summary>Listens again, on the same port.</summary>
    public void Resume()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("sink.platform.test")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref sessions);
        running = new CancellationTokenSource();
        serving = server.StartAsync(running.Token);
    }

    public IReadOnlyList<ReceivedMail> To(string address) =>
        [.. received.Where(m => string.Equals(m.To, address, StringComparison.OrdinalIgnoreCase))];

    /// <summary>Waits until <paramref name="count"/> messages have arrived in all (or for <paramref name="address"/>), or fails the test after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(int count, TimeSpan timeout, string? address = null)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var got = address is null ? Received : To(address);
            if (got.Count >= count)
            {
                return got;
            }

            if (waited.Elapsed > timeout)
            {
                NUnit.Framework.Assert.Fail($"The SMTP sink received {got.Count} of {count} messages{(address is null ? string.Empty : $" for {address}")} in {timeout.TotalSeconds} s.");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            if (!sink.KeepVerificationMail && (message.Subject ?? string.Empty).StartsWith("Confirm your email address", StringComparison.Ordinal))
            {
                return SmtpResponse.Ok;
            }

            var number = Interlocked.Increment(ref sink.offered);
            if (sink.holding)
            {
                while (sink.holding)
                {
                    await Task.Delay(50, CancellationToken.None);
                }

                return Reply(451, "4.4.2 Held, not kept");
            }

            var answer = sink.reply(number);
            if (answer.ReplyCode != SmtpReplyCode.Ok)
            {
                return answer;
            }

            sink.received.Enqueue(new ReceivedMail(
                message.From.Mailboxes.Single().ToString(),
                message.To.Mailboxes.Single().Address,
                message.Subject ?? string.Empty,
                message.TextBody ?? string.Empty,
                message.HtmlBody ?? string.Empty,
                message.MessageId ?? string.Empty,
                message.Headers["X-Platform-Message-Id"],
                DateTimeOffset.UtcNow));
            return SmtpResponse.Ok;
        }
    }
}
