using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Platform.Application.Webhooks;
using Platform.Domain.Webhooks;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Platform.Infrastructure.Webhooks.Delivery;

/// <summary>
/// Sends one attempt: signs the body with every secret given (newest first), posts it through the <c>webhooks</c>
/// client (the connect-time address guard, no redirects, no proxy; a circuit breaker and the timeout per endpoint
/// authority), and reads at most the first kilobytes of the answer. Never throws for what the receiver does; throws
/// <see cref="BrokenCircuitException"/> when the endpoint's circuit is open (nothing was sent), and
/// <see cref="OperationCanceledException"/> when <c>cancellationToken</c> is cancelled (the instance is stopping).
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider timeProvider)
{
    public const string ClientName = "webhooks";

    /// <summary>The most of an answer's body that is read: enough for the 1 kB kept, in any encoding.</summary>
    private const int MaxBodyBytesRead = 4 * WebhookAttempt.MaxResponseBodyChars;

    public async Task<WebhookAttemptResult> SendAsync(WebhookDelivery delivery, IReadOnlyList<WebhookSecret> secrets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var delivering = options.Value.Delivery;
        var body = Encoding.UTF8.GetBytes(delivery.Body);
        var messageId = delivery.Id.ToString();
        var timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds();

        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("webhook-id", messageId);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("webhook-signature", WebhookSignature.Header(secrets, messageId, timestamp, body));
        request.Headers.TryAddWithoutValidation("User-Agent", delivering.UserAgent);

        var client = clients.CreateClient(ClientName);
        var started = Stopwatch.GetTimestamp();

        // The pipeline's timeout bounds the wait for the answer's headers; this one bounds reading its body as well.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(delivering.Timeout + TimeSpan.FromSeconds(1));
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var latency = Stopwatch.GetElapsedTime(started);
            var status = (int)response.StatusCode;
            var text = await ReadStartAsync(response, deadline.Token);
            var outcome = WebhookResponseRules.Classify(status);
            var retryAfter = WebhookResponseRules.HonoursRetryAfter(status) && response.Headers.TryGetValues("Retry-After", out var values)
                ? WebhookResponseRules.ParseRetryAfter(values.FirstOrDefault(), timeProvider.GetUtcNow())
                : null;
            var error = outcome switch
            {
                WebhookAttemptOutcome.Succeeded => null,
                WebhookAttemptOutcome.Gone => "410 Gone: the endpoint is disabled",
                _ when status is >= 300 and <= 399 => $"redirect {status} to {response.Headers.Location?.ToString() ?? "nowhere"}: redirects are not followed",
                _ => $"HTTP {status}",
            };
            return new WebhookAttemptResult(outcome, status, latency, text, error, retryAfter);
        }
        catch (BrokenCircuitException)
        {
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or OperationCanceledException)
        {
            return Failed(started, $"timed out after {delivering.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex) when (ex.InnerException is WebhookAddressRefusedException refused)
        {
            return Failed(started, refused.Message);
        }
        catch (HttpRequestException ex)
        {
            return Failed(started, ex.HttpRequestError == HttpRequestError.Unknown ? ex.Message : $"{ex.HttpRequestError}: {ex.Message}");
        }
    }

    private static WebhookAttemptResult Failed(long started, string error) =>
        new(WebhookAttemptOutcome.Failed, null, Stopwatch.GetElapsedTime(started), null, error, null);

    /// <summary>The start of the answer's body (at most <see cref="MaxBodyBytesRead"/> bytes are read, the rest is dropped with the connection), or null if it has none or cannot be read.</summary>
    private static async Task<string?> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxBodyBytesRead];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            if (read == 0)
            {
                return null;
            }

            var text = Encoding.UTF8.GetString(buffer, 0, read);
            return text.Length <= WebhookAttempt.MaxResponseBodyChars ? text : text[..WebhookAttempt.MaxResponseBodyChars];
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException)
        {
            return null;
        }
    }
}
