using System.Net;
using System.Text;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>The body limit is configuration: a small limit makes 413 cheap to test, also for chunked bodies.</summary>
public sealed class BodyLimitTests : ApiTestBase
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["RequestLimits:MaxBodyBytes"] = "512",
    };

    [Test]
    public async Task A_body_under_the_configured_limit_is_accepted()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);

        var response = await client.PostAsync("/api/v1/tickets", JsonBody($$"""{"subject":"Small","body":"{{new string('x', 300)}}"}"""));

        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_body_with_a_Content_Length_over_the_configured_limit_is_413_request_too_large()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);

        var response = await client.PostAsync("/api/v1/tickets", JsonBody($$"""{"subject":"Big","body":"{{new string('x', 600)}}"}"""));

        await AssertProblemAsync(response, 413, "request.too_large");
        Assert.That(await Database.CountAsync("tickets"), Is.Zero);
    }

    [Test]
    public async Task A_chunked_body_over_the_configured_limit_is_413_request_too_large()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets")
        {
            Content = new ChunkedJsonContent(Encoding.UTF8.GetBytes($$"""{"subject":"Big","body":"{{new string('x', 2000)}}"}""")),
        };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        await AssertProblemAsync(response, 413, "request.too_large");
        Assert.That(await Database.CountAsync("tickets"), Is.Zero);
    }

    /// <summary>Content of unknown length, so it is sent chunked with no Content-Length.</summary>
    private sealed class ChunkedJsonContent : HttpContent
    {
        private readonly byte[] bytes;

        public ChunkedJsonContent(byte[] bytes)
        {
            this.bytes = bytes;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            // Several writes, like a real streaming client.
            for (var offset = 0; offset < bytes.Length; offset += 256)
            {
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(256, bytes.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
