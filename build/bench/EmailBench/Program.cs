using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;
using Platform.Application.Common.Email;
using Platform.Testing;
using SmtpServer;
using SmtpServer.Storage;

// Email throughput: messages queued through the real queue (rendered by EmailTemplate, sealed and inserted by
// IEmailQueue) and then sent by Platform's email worker (claim under a lease with the
// suppression check, open the content, send on a lane's transport through the Polly pipeline, record) into a local
// SMTP sink (the SmtpServer package) and a local Postmark stand-in (Kestrel answering 200). Next to each, in
// alternating rounds, the bare rate of the same sink: MailKit clients or an HttpClient loop at the worker's
// concurrency, sending messages of the same size. Only the sending is timed: queueing happens first, with the worker
// off. Run through build/bench-email.sh, which starts a throwaway PostgreSQL.
var messages = Option("--messages", 3000);
var rounds = Option("--rounds", 3);
var concurrency = Option("--max-concurrency", 8);
var target = Option("--target", 1000);
var counter = new Counter();
var smtpPort = FreePort();
var smtp = StartSink(smtpPort, counter);
await using var postmark = await PostmarkStandIn.StartAsync(counter);
await using var database = await TestDatabase.CreateAsync("email_bench");
Console.WriteLine(FormattableString.Invariant($"{messages} messages per round; worker MaxConcurrency {concurrency}; bare loops at the same concurrency"));

var results = new Dictionary<string, List<double>> { ["smtp bare"] = [], ["smtp worker"] = [], ["postmark bare"] = [], ["postmark worker"] = [] };
for (var round = 0; round <= rounds; round++)
{
    var n = round == 0 ? Math.Min(messages, 500) : messages; // round 0 warms up the JIT and is not counted
    var smtpBare = await BareSmtpAsync(smtpPort, n, concurrency, counter);
    var smtpWorker = await WorkerAsync(database, Smtp(smtpPort, concurrency), n, counter);
    var httpBare = await BareHttpAsync(postmark.BaseUrl, n, concurrency, counter);
    var httpWorker = await WorkerAsync(database, Postmark(postmark.BaseUrl, concurrency), n, counter);
    if (round == 0)
    {
        continue;
    }

    results["smtp bare"].Add(smtpBare);
    results["smtp worker"].Add(smtpWorker);
    results["postmark bare"].Add(httpBare);
    results["postmark worker"].Add(httpWorker);
    Console.WriteLine(FormattableString.Invariant(
        $"round {round}: SMTP bare {smtpBare,6:0}/s worker {smtpWorker,6:0}/s ({smtpWorker / smtpBare:0.00})   Postmark bare {httpBare,6:0}/s worker {httpWorker,6:0}/s ({httpWorker / httpBare:0.00})"));
}

smtp.Shutdown();
Console.WriteLine();
Console.WriteLine("| path | bare sink (median) | Platform's worker (median) | ratio |");
Console.WriteLine("|---|---|---|---|");
foreach (var provider in new[] { "smtp", "postmark" })
{
    var bare = Median(results[$"{provider} bare"]);
    var worker = Median(results[$"{provider} worker"]);
    Console.WriteLine(FormattableString.Invariant($"| {provider} | {bare:0}/s | {worker:0}/s | {worker / bare:0.00} |"));
}

return Math.Max(Median(results["smtp worker"]), Median(results["postmark worker"])) >= target ? 0 : 1;

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

static Dictionary<string, string?> Smtp(int port, int concurrency) => new()
{
    ["Email:Provider"] = "smtp",
    ["Email:From"] = "Platform Bench <no-reply@platform.test>",
    ["Email:Smtp:Host"] = "127.0.0.1",
    ["Email:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
    ["Email:Smtp:UseStartTls"] = "false",
    ["Email:Delivery:MaxConcurrency"] = concurrency.ToString(CultureInfo.InvariantCulture),
    ["Email:Delivery:BatchSize"] = "100",
};

static Dictionary<string, string?> Postmark(Uri baseUrl, int concurrency) => new()
{
    ["Email:Provider"] = "postmark",
    ["Email:From"] = "Platform Bench <no-reply@platform.test>",
    ["Email:Postmark:ServerToken"] = "bench-token",
    ["Email:Postmark:BaseUrl"] = baseUrl.ToString(),
    ["Email:Delivery:MaxConcurrency"] = concurrency.ToString(CultureInfo.InvariantCulture),
    ["Email:Delivery:BatchSize"] = "100",
};

static async Task<double> WorkerAsync(TestDatabase database, Dictionary<string, string?> settings, int messages, Counter counter)
{
    await database.ResetAsync();

    // Queue through the real queue with the worker off: each message rendered by EmailTemplate, sealed and inserted by
    // IEmailQueue, as a command or an outbox handler does.
    var queueing = new Dictionary<string, string?>(settings) { ["Email:Delivery:Enabled"] = "false" };
    await using (var queue = new ApplicationTestHost(database, queueing))
    {
        await using var scope = queue.Services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<IEmailQueue>();
        for (var i = 0; i < messages; i++)
        {
            var content = new EmailTemplate("Platform", "Your password was changed")
                .Paragraph($"Hello Bench {i},")
                .Paragraph($"The password of your Platform account (bench{i}@example.com) was changed. Your other sessions were signed out.")
                .Facts(("When", EmailTemplate.Time(DateTimeOffset.UtcNow)))
                .Paragraph("If this was you, there is nothing to do. If it was not, reset your password at once and contact support.")
                .Build();
            await writer.EnqueueAsync(new EmailDraft("password_changed", $"bench{i}@example.com", content, Guid.NewGuid()), CancellationToken.None);
        }
    }

    await using (var analyze = database.DataSource.CreateCommand("ANALYZE email_messages"))
    {
        await analyze.ExecuteNonQueryAsync();
    }

    var before = counter.Value;
    await using var host = new ApplicationTestHost(database, settings);
    var clock = Stopwatch.StartNew();
    await host.StartBackgroundServicesAsync();
    while (counter.Value - before < messages)
    {
        Guard(clock, "the sink did not get every message");
        await Task.Delay(5);
    }

    while (await database.CountAsync("email_messages", "status = 'sent'") < messages)
    {
        Guard(clock, "not every message was recorded as sent");
        await Task.Delay(5);
    }

    return messages / clock.Elapsed.TotalSeconds;
}

static async Task<double> BareSmtpAsync(int port, int messages, int concurrency, Counter counter)
{
    var before = counter.Value;
    var next = -1;
    var text = new string('x', 600);
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None);
        int n;
        while ((n = Interlocked.Increment(ref next)) < messages)
        {
            var message = new MimeMessage();
            message.From.Add(new MailboxAddress("Platform Bench", "no-reply@platform.test"));
            message.To.Add(MailboxAddress.Parse($"bare{n}@example.com"));
            message.Subject = "Your password was changed - Platform";
            message.Body = new BodyBuilder { TextBody = text, HtmlBody = $"<p>{text}</p>" }.ToMessageBody();
            await client.SendAsync(message);
        }

        await client.DisconnectAsync(true);
    }));
    while (counter.Value - before < messages)
    {
        await Task.Delay(1);
    }

    return messages / clock.Elapsed.TotalSeconds;
}

static async Task<double> BareHttpAsync(Uri baseUrl, int messages, int concurrency, Counter counter)
{
    using var client = new HttpClient { BaseAddress = baseUrl };
    var body = $$"""{"From":"no-reply@platform.test","To":"bare@example.com","Subject":"Your password was changed","TextBody":"{{new string('x', 600)}}","HtmlBody":"<p>{{new string('x', 600)}}</p>","MessageStream":"outbound"}""";
    var before = counter.Value;
    var next = -1;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        while (Interlocked.Increment(ref next) < messages)
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync("email", content);
            response.EnsureSuccessStatusCode();
        }
    }));
    while (counter.Value - before < messages)
    {
        await Task.Delay(1);
    }

    return messages / clock.Elapsed.TotalSeconds;
}

static SmtpServer.SmtpServer StartSink(int port, Counter counter)
{
    var options = new SmtpServerOptionsBuilder().ServerName("sink.bench").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
    var services = new SmtpServer.ComponentModel.ServiceProvider();
    services.Add(new CountingStore(counter));
    var server = new SmtpServer.SmtpServer(options, services);
    _ = server.StartAsync(CancellationToken.None);
    return server;
}

static int FreePort()
{
    using var probe = new TcpListener(IPAddress.Loopback, 0);
    probe.Start();
    var port = ((IPEndPoint)probe.LocalEndpoint).Port;
    probe.Stop();
    return port;
}

static void Guard(Stopwatch clock, string what)
{
    if (clock.Elapsed > TimeSpan.FromMinutes(3))
    {
        throw new TimeoutException($"After 3 minutes {what}.");
    }
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

internal sealed class Counter
{
    private long value;

    public long Value => Interlocked.Read(ref value);

    public void Add() => Interlocked.Increment(ref value);
}

/// <summary>Counts each message it is given, after reading it whole, as a relay that queues it would.</summary>
internal sealed class CountingStore(Counter counter) : MessageStore
{
    public override Task<SmtpServer.Protocol.SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        _ = buffer.ToArray();
        counter.Add();
        return Task.FromResult(SmtpServer.Protocol.SmtpResponse.Ok);
    }
}

/// <summary>POST /email answered 200 with a MessageID, after reading the body, as Postmark does.</summary>
internal sealed class PostmarkStandIn : IAsyncDisposable
{
    private readonly WebApplication app;

    private PostmarkStandIn(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<PostmarkStandIn> StartAsync(Counter counter)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/email", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            _ = await reader.ReadToEndAsync(context.RequestAborted);
            counter.Add();
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"To":"x","SubmittedAt":"2026-12-03T00:00:00Z","MessageID":"{{Guid.NewGuid()}}","ErrorCode":0,"Message":"OK"}""");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new PostmarkStandIn(app, new Uri(address + "/"));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
