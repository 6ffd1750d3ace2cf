using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>What the receiver answers to one request: a status, optional headers, and how long it waits first.</summary>
public sealed record ReceiverReply(int Status, TimeSpan Delay = default, IReadOnlyDictionary<string, string>? Headers = null, string? Body = null)
{
    public static ReceiverReply NoContent { get; } = new(204);
}

/// <summary>One request as the receiver got it: the raw body and every header, and when it arrived.</summary>
public sealed record ReceivedWebhook(string Path, string Body, IReadOnlyDictionary<string, string> Headers, DateTimeOffset ReceivedAt)
{
    public string Id => Headers["webhook-id"];

    public string Timestamp => Headers["webhook-timestamp"];

    public string Signature => Headers["webhook-signature"];

    /// <summary>The v1 signature <paramref name="secret"/> gives this request, computed here independently of Platform's signer: HMAC-SHA256 of id.timestamp.body with the secret's decoded bytes.</summary>
    public string SignedWith(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        return "v1," + Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes($"{Id}.{Timestamp}.{Body}")));
    }
}

/// <summary>
/// A real HTTP receiver on 127.0.0.1 and a free port (a small Kestrel app): it records every request to any path
/// and answers as the test says, per path and per request number (1 for the first request to that path).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedWebhook> received = new();
    private readonly ConcurrentDictionary<string, Func<int, ReceiverReply>> replies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);

    private WebhookReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.Run(HandleAsync);
        app.Start();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseUrl = new Uri(address);
    }

    public Uri BaseUrl { get; }

    public IReadOnlyList<ReceivedWebhook> Received => [.. received];

    public static WebhookReceiver Start() => new();

    /// <summary>The URL of <paramref name="path"/> on this receiver, answered by <paramref name="reply"/> (204 by default).</summary>
    public string Url(string path, Func<int, ReceiverReply>? reply = null)
    {
        replies[path] = reply ?? (_ => ReceiverReply.NoContent);
        return new Uri(BaseUrl, path).ToString();
    }

    /// <summary>Changes how <paramref name="path"/> answers from now on.</summary>
    public void Answer(string path, Func<int, ReceiverReply> reply) => replies[path] = reply;

    /// <summary>Requests this answers (path and body in, a reply or null out) are answered so, without being kept or counted.</summary>
    public Func<string, string, ReceiverReply?>? Bypass { get; set; }

    public IReadOnlyList<ReceivedWebhook> At(string path) => [.. received.Where(r => r.Path == path)];

    /// <summary>Waits until <paramref name="path"/> has received at least <paramref name="count"/> requests, or fails the test after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(string path, int count, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var got = At(path);
            if (got.Count >= count)
            {
                return got;
            }

            if (waited.Elapsed > timeout)
            {
                NUnit.Framework.Assert.Fail($"{path} received {got.Count} of {count} requests in {timeout.TotalSeconds} s.");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var reply = Bypass?.Invoke(path, body);
        if (reply is null)
        {
            received.Enqueue(new ReceivedWebhook(path, body, headers, DateTimeOffset.UtcNow));
            var n = counts.AddOrUpdate(path, 1, (_, c) => c + 1);
            reply = replies.TryGetValue(path, out var answer) ? answer(n) : new ReceiverReply(404);
        }
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (reply.Body is not null)
        {
            await context.Response.WriteAsync(reply.Body, context.RequestAborted);
        }
    }
}
