using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Platform.Application.Common.Inbound;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>One row of <c>inbound_events</c>.</summary>
public sealed record InboundRow(Guid Id, string Source, string EventId, string Type, string Payload, int Attempts, bool Processed, string? Error);

/// <summary>
/// Inbound webhook tests: posting signed (or unsigned) requests to a source's route, and reading the inbox from the
/// database. The Stripe-style test source is registered in every such host, beside the shipped ones.
/// </summary>
public abstract class InboundTestBase : EmailTestBase
{
    protected TestInboundLog Log => Factory.Services.GetRequiredService<TestInboundLog>();

    protected override Action<IServiceCollection>? TestServices => services =>
    {
        services.AddSingleton<TestInboundLog>();
        services.AddInboundSource<StripeStyleTestSource, TestInboundHandler>();
    };

    /// <summary>A Stripe-shaped event: <c>id</c>, <c>type</c> and a charge in <c>data.object</c>.</summary>
    protected static string StripeEvent(string id, string type = "charge.succeeded") =>
        "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2024-06-20\",\"created\":1733011200,\"type\":\"" + type
        + "\",\"livemode\":false,\"data\":{\"object\":{\"id\":\"ch_3PqR\",\"object\":\"charge\",\"amount\":2000,\"currency\":\"eur\"}}}";

    protected static string NewEventId() => $"evt_{Guid.NewGuid():N}";

    /// <summary>Posts <paramref name="body"/> to <paramref name="path"/> with the given headers and content type.</summary>
    protected async Task<HttpResponseMessage> PostRawAsync(
        string path, string body, IEnumerable<(string Name, string Value)> headers, string contentType = "application/json", string? clientIp = null)
    {
        using var client = Client(clientIp: clientIp);
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Posts a Stripe-style event signed now with the current test secret (or with <paramref name="signature"/> as given).</summary>
    protected Task<HttpResponseMessage> PostStripeAsync(string body, string? signature = null, string contentType = "application/json", string? clientIp = null) =>
        PostRawAsync(
            StripeStyleTestSource.Route,
            body,
            [("Stripe-Signature", signature ?? StripeSignature.Header(body, DateTimeOffset.UtcNow, StripeStyleTestSource.Secrets[0]))],
            contentType,
            clientIp);

    protected async Task<IReadOnlyList<InboundRow>> InboundRowsAsync(string? source = null)
    {
        await using var command = Database.DataSource.CreateCommand(
            """
            SELECT id, source, event_id, type, payload, attempts, processed_at IS NOT NULL, error
            FROM inbound_events WHERE $1::text IS NULL OR source = $1 ORDER BY received_at, id
            """);
        command.Parameters.AddWithValue(source is null ? DBNull.Value : source);
        var rows = new List<InboundRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new InboundRow(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5),
                reader.GetBoolean(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return rows;
    }

    /// <summary>Waits until the event <paramref name="eventId"/> satisfies <paramref name="done"/>, or fails the test.</summary>
    protected async Task<InboundRow> WaitForInboundAsync(string eventId, Func<InboundRow, bool> done, string what)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var row = (await InboundRowsAsync()).SingleOrDefault(r => r.EventId == eventId);
            if (row is not null && done(row))
            {
                return row;
            }

            if (waited.Elapsed > Soon)
            {
                Assert.Fail($"Inbound event {eventId} did not become {what} in {Soon.TotalSeconds} s: {row}");
            }

            await Task.Delay(50);
        }
    }

    protected async Task<long> CountAsync(string sql)
    {
        await using var command = Database.DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
